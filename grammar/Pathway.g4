// Pathway: a declarative language for clinical pathways.
//
// The grammar only describes shape. Names, types, units, ranges, categories,
// urgencies and citation forms are all checked by sema, so that a mistake gets
// a precise message ("unknown unit 'weekz'; did you mean 'weeks'?") instead of
// a syntax error. Every declaration and field ends at ';' or '}', which gives
// the parser's error recovery firm places to resynchronise.
grammar Pathway;

file
    : header? declaration* EOF
    ;

// ---------------------------------------------------------------- header

header
    : 'pathway' name=IDENT '{' headerItem* '}'
    ;

headerItem
    : 'title' STRING ';'                                         # titleItem
    | 'version' STRING ';'                                       # versionItem
    | 'author' STRING (',' STRING)* ';'                          # authorItem
    | 'source' name=IDENT STRING '{' paragraphList? '}'          # sourceItem
    ;

paragraphList
    : paragraphId (',' paragraphId)* ','?
    ;

paragraphId
    : section=IDENT ('.' paragraph=IDENT)?
    ;

// ---------------------------------------------------------- declarations

declaration
    : enumDecl
    | inputDecl
    | constDecl
    | defineDecl
    | findingDecl
    | recommendationDecl
    | propertyDecl
    | allowDecl
    | codesetDecl
    | fhirDecl
    ;

enumDecl
    : 'enum' name=IDENT '{' IDENT (',' IDENT)* ','? '}'
    ;

inputDecl
    : 'input' name=IDENT ':' typeRef range? description=STRING? ';'
    ;

typeRef
    : unit
    ;

range
    : 'in' lo=signedLiteral '..' hi=signedLiteral
    ;

signedLiteral
    : '-'? literal
    ;

constDecl
    : 'const' name=IDENT '=' expr ';'
    ;

defineDecl
    : 'define' name=IDENT '=' expr ';'
    ;

findingDecl
    : 'finding' name=IDENT '{' field* '}'
    ;

recommendationDecl
    : 'recommendation' name=IDENT '{' field* '}'
    ;

field
    : 'label' STRING ';'                                         # labelField
    | 'when' expr ';'                                            # whenField
    | 'category' IDENT ';'                                       # categoryField
    | 'urgency' IDENT ';'                                        # urgencyField
    | 'rationale' STRING ';'                                     # rationaleField
    | 'cite' citation (',' citation)* ';'                        # citeField
    | 'supersedes' supersedesTarget (',' supersedesTarget)* ';'  # supersedesField
    | 'orders' IDENT (',' IDENT)* ';'                            # ordersField
    ;

// One recommendation, or every recommendation of a category except the one
// that supersedes (sema expands the category).
supersedesTarget
    : 'category' IDENT                                           # categoryTarget
    | IDENT                                                      # recommendationTarget
    ;

citation
    : (source=IDENT ':')? paragraphId
    ;

// ---------------------------------------------------------- verification
// Properties are claims that `pathwayc verify` proves for every patient; an
// allow silences one built-in analysis for named declarations, with a reason.
// Neither changes what a compiled library computes.

propertyDecl
    : 'property' name=IDENT '{' propertyField* '}'
    ;

propertyField
    : field                                                      # plainPropertyField
    | kw=('assume' | 'holds') claim ';'                          # claimField
    ;

claim
    : lhs=expr ('implies' rhs=expr)?
    ;

allowDecl
    : 'allow' check=IDENT IDENT (',' IDENT)* reason=STRING ';'
    ;

// ------------------------------------------------------------ records
// Where an input's value comes from in a FHIR R4 record. A code set is a
// named list of codes, each with its system (an alias such as `loinc` or a
// URI string). A `fhir` block binds one input; its fields are IDENT-keyed
// (observation, condition, procedure, within, value, interpretation, status,
// measure, select, absent) and checked by sema, so the words stay usable as
// names. Neither changes what a compiled library computes from its inputs.

codesetDecl
    : 'codeset' name=IDENT description=STRING? '{' (codeEntry (',' codeEntry)* ','?)? '}'
    ;

codeEntry
    : system=(IDENT | STRING) code=STRING
    ;

fhirDecl
    : 'fhir' name=IDENT '{' fhirField* '}'
    ;

fhirField
    : key=IDENT fhirValue? ';'
    ;

fhirValue
    : word=(IDENT | 'true' | 'false')                            # fhirWord
    | '{' fhirMapItem (',' fhirMapItem)* ','? '}'                # fhirMap
    | literal                                                    # fhirLiteral
    ;

fhirMapItem
    : from=IDENT ':' to=(IDENT | 'true' | 'false')
    ;

// ----------------------------------------------------------- expressions

expr
    : orExpr
    ;

orExpr
    : andExpr ('or' andExpr)*
    ;

andExpr
    : notExpr ('and' notExpr)*
    ;

notExpr
    : 'not' notExpr                                              # notOp
    | comparison                                                 # notPass
    ;

comparison
    : additive (op=('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?   # compareOp
    | additive 'in' '{' setItem (',' setItem)* ','? '}'                 # inOp
    ;

setItem
    : IDENT
    ;

additive
    : multiplicative (('+' | '-') multiplicative)*
    ;

multiplicative
    : unary (('*' | '/') unary)*
    ;

unary
    : '-' unary                                                  # negOp
    | primary                                                    # unaryPass
    ;

primary
    : literal                                                    # literalPrimary
    | 'true'                                                     # truePrimary
    | 'false'                                                    # falsePrimary
    | fn=('known' | 'unknown') '(' IDENT ')'                     # knownPrimary
    | fn=IDENT '(' IDENT ')'                                     # statusPrimary
    | IDENT ('.' IDENT)?                                         # namePrimary
    | '(' expr ')'                                               # parenPrimary
    ;

literal
    : NUMBER unit?
    ;

// A unit is a name, optionally over another (mm/h, mg/dL), or '%'.
// Which names are units is sema's business.
unit
    : IDENT ('/' IDENT)?
    | '%'
    ;

// ------------------------------------------------------------------ lexer

NUMBER
    : DIGIT+ ('.' DIGIT+)?
    ;

IDENT
    : [a-zA-Z_] [a-zA-Z_0-9]*
    ;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    ;

fragment ESCAPE
    : '\\' (["\\nt] | 'u' HEX HEX HEX HEX)
    ;

fragment HEX
    : [0-9a-fA-F]
    ;

fragment DIGIT
    : [0-9]
    ;

// Comments go to the hidden channel: the scan pass hands them to the AST
// (for the formatter) and the parser never sees them.
LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n]+ -> skip
    ;

// Anything else becomes one token that the parser rejects with a clear
// message, instead of the lexer printing to stderr. Unterminated strings and
// block comments are recognised on their own so they can be named as such.
UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])*
    ;

UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

BAD_ESCAPE_STRING
    : '"' (ESCAPE | '\\' ~["\\nt\r\nu] | ~["\\\r\n])* '"'
    ;

INVALID
    : .
    ;
