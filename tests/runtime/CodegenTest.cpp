// The code generator, the linker and the metadata, seen from outside:
// options, malformed IR, exported symbols, branch-free evaluation, link
// errors and the content hash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"
#include "codegen/Codegen.h"
#include "ir/Metadata.h"
#include "link/Link.h"
#include "pathway/abi.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;
using ir::Op;

ir::Program smallProgram() {
  TestProgram p;
  const ir::NodeId a = p.read(p.boolInput("a"));
  const ir::NodeId x = p.read(p.numberInput("x"));
  p.definition("ratio", p.op(Op::Div, {p.number(1), x}));
  p.recommendation("r", p.op(Op::And, {a, p.op(Op::Gt, {x, p.number(3)})}));
  return p.program();
}

std::string generateError(const ir::Program& program, int optLevel = 2) {
  codegen::CodegenOptions options;
  options.optLevel = optLevel;
  codegen::CodegenResult result;
  std::string error;
  EXPECT_FALSE(codegen::generate(program, options, result, error));
  return error;
}

TEST(CodegenTest, RejectsBadOptLevel) {
  EXPECT_EQ(generateError(smallProgram(), 4), "optimization level must be 0..3, got 4");
  EXPECT_EQ(generateError(smallProgram(), -1), "optimization level must be 0..3, got -1");
}

TEST(CodegenTest, RejectsMalformedIr) {
  ir::Program forward = smallProgram();
  forward.nodes[3].args = {2, 5};  // div(1, x) now reads node 5
  EXPECT_THAT(generateError(forward), HasSubstr("internal error: malformed IR: node 3 (div)"));
  EXPECT_THAT(generateError(forward), HasSubstr("does not precede it"));

  ir::Program arity = smallProgram();
  ir::Node badNot;
  badNot.op = Op::Not;
  badNot.args = {0, 0};
  arity.nodes.push_back(badNot);
  EXPECT_THAT(generateError(arity), HasSubstr("has 2 operands, expected 1"));

  ir::Program input = smallProgram();
  input.nodes[0].input = 9;
  EXPECT_THAT(generateError(input), HasSubstr("node 0 reads input 9, but there are 2 inputs"));

  ir::Program types = smallProgram();
  ir::Node badAdd;
  badAdd.op = Op::Add;
  badAdd.type = ir::Type::Number;
  badAdd.args = {0, 1};
  types.nodes.push_back(badAdd);
  EXPECT_THAT(generateError(types), HasSubstr("has an operand of the wrong type"));

  ir::Program slot = smallProgram();
  slot.recommendations[0].status = 1000;
  EXPECT_THAT(generateError(slot), HasSubstr("refers to node 1000"));

  ir::Program supersedes = smallProgram();
  supersedes.recommendations[0].supersedes = {3};
  EXPECT_THAT(generateError(supersedes), HasSubstr("supersedes recommendation 3, out of range"));
}

TEST(CodegenTest, EvaluationIsBranchFreeAndOnlyTheDescriptorIsExported) {
  codegen::CodegenOptions options;
  options.optLevel = 0;
  options.emitLlvmText = true;
  codegen::CodegenResult result;
  std::string error;
  ASSERT_TRUE(codegen::generate(smallProgram(), options, result, error)) << error;
  const std::string& text = result.llvmText;
  EXPECT_THAT(text, HasSubstr("@pathway_descriptor = constant %pw_descriptor"));
  auto function = [&](const std::string& name) {
    const size_t begin = text.find("define internal void @" + name + "(");
    return begin == std::string::npos ? std::string()
                                      : text.substr(begin, text.find("\n}\n", begin) - begin);
  };
  // The single-patient function is straight-line code: its only branches
  // skip the trace when `trace` is NULL and the missing-input masks when
  // `missing` is NULL.
  const std::string body = function("pathway_evaluate_trace");
  ASSERT_FALSE(body.empty()) << text;
  size_t branches = 0;
  for (size_t at = body.find(" br "); at != std::string::npos; at = body.find(" br ", at + 1)) {
    ++branches;
  }
  EXPECT_EQ(branches, 4u);  // into the trace and masks blocks, and out of each
  EXPECT_THAT(body, HasSubstr("icmp eq ptr %trace, null"));
  EXPECT_THAT(body, HasSubstr("icmp eq ptr %missing, null"));
  EXPECT_EQ(body.find("switch"), std::string::npos);
  // No calls but to llvm.fabs (the finiteness test of arithmetic results; a
  // bit mask in machine code).
  for (size_t at = body.find("call"); at != std::string::npos; at = body.find("call", at + 1)) {
    EXPECT_EQ(body.compare(at, 28, "call double @llvm.fabs.f64(d"), 0) << body.substr(at, 80);
  }
  // evaluate is the traced evaluation without a trace.
  EXPECT_THAT(function("pathway_evaluate"),
              HasSubstr("tail call void @pathway_evaluate_trace(ptr %0, ptr %1, ptr %2, ptr %3, ptr %4, ptr null)"));
  // Every other global is internal or private.
  std::vector<std::string> exported;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const bool isGlobal = line.rfind("@", 0) == 0 && line.find(" = ") != std::string::npos;
    const bool isFunction = line.rfind("define ", 0) == 0;
    if (!isGlobal && !isFunction) continue;
    const std::string linkage = isFunction ? line.substr(7) : line.substr(line.find(" = ") + 3);
    if (linkage.rfind("private ", 0) != 0 && linkage.rfind("internal ", 0) != 0) {
      exported.push_back(line);
    }
  }
  ASSERT_EQ(exported.size(), 1u) << exported.front();
  EXPECT_THAT(exported[0], HasSubstr("@pathway_descriptor"));

  void* handle = ::dlopen(compileLibrary(smallProgram()).c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr) << ::dlerror();
  EXPECT_NE(::dlsym(handle, PW_DESCRIPTOR_SYMBOL), nullptr);
  EXPECT_EQ(::dlsym(handle, "pathway_evaluate"), nullptr);
  EXPECT_EQ(::dlsym(handle, "pathway_evaluate_batch"), nullptr);
  ::dlclose(handle);
}

TEST(CodegenTest, MetadataJson) {
  ir::Program program = smallProgram();
  ir::Input weeks;
  weeks.name = "weeks";
  weeks.kind = ir::InputKind::Quantity;
  weeks.unit = "weeks";
  weeks.dimension = "time";
  weeks.min = 0;
  weeks.description = "PT duration";
  program.inputs.push_back(weeks);
  ir::Input side;
  side.name = "side";
  side.kind = ir::InputKind::Enum;
  side.labels = {"left", "right"};
  side.enumName = "Side";
  program.inputs.push_back(side);
  const nlohmann::json json = nlohmann::json::parse(ir::metadataJson(program));
  EXPECT_EQ(json["name"], "test_pathway");
  EXPECT_EQ(json["version"], "1.2.3");
  EXPECT_EQ(json["authors"], nlohmann::json::parse(R"(["Test Author"])"));
  EXPECT_EQ(json["sources"][0]["paragraphs"][1], "Second paragraph.");
  EXPECT_EQ(json["inputs"][0], nlohmann::json::parse(
                                   R"({"name":"a","type":"bool","description":"the a"})"));
  EXPECT_EQ(json["inputs"][2], nlohmann::json::parse(R"({"name":"weeks","type":"quantity",
      "unit":"weeks","dimension":"time","min":0.0,"description":"PT duration"})"));
  EXPECT_EQ(json["inputs"][3], nlohmann::json::parse(R"({"name":"side","type":"enum",
      "enum":"Side","labels":["left","right"],"description":""})"));
  EXPECT_EQ(json["definitions"][0], nlohmann::json::parse(R"({"name":"ratio","type":"number"})"));
  EXPECT_EQ(json["recommendations"][0]["citations"][1],
            nlohmann::json::parse(R"({"source":"guide","paragraph":"S1.P2"})"));
  EXPECT_EQ(json["recommendations"][0]["supersedes"], nlohmann::json::array());
}

TEST(CodegenTest, ContentHashIdentifiesTheProgram) {
  const ir::Program program = smallProgram();
  EXPECT_EQ(ir::contentHash(program), ir::contentHash(smallProgram()));
  ir::Program renamed = program;
  renamed.recommendations[0].rationale = "another reason";
  EXPECT_NE(ir::contentHash(renamed), ir::contentHash(program));
  ir::Program rewired = program;
  rewired.nodes[5].op = Op::Ge;  // x > 3 becomes x >= 3
  EXPECT_NE(ir::contentHash(rewired), ir::contentHash(program));
}

// A pathway split into several evaluation functions is generated as several
// objects in parallel; linked together they evaluate exactly as one object
// does, and still export nothing but the descriptor.
TEST(CodegenTest, LargePathwaysAreGeneratedAsSeveralObjects) {
  TestProgram p("large", "1.0.0");
  std::vector<ir::NodeId> reads;
  for (int i = 0; i < 40; ++i) reads.push_back(p.read(p.intInput("x" + std::to_string(i), 0, 100)));
  for (int r = 0; r < 200; ++r) {
    const ir::NodeId a = p.op(Op::Gt, {reads[r % 40], p.number(r % 97)});
    const ir::NodeId b = p.op(Op::Lt, {reads[(r * 7) % 40], p.number(r % 89)});
    p.recommendation("r" + std::to_string(r), p.op(Op::Or, {a, p.op(Op::Not, {b})}));
  }
  const ir::Program program = p.program();
  codegen::CodegenOptions split, single;
  single.maxObjects = 1;
  codegen::CodegenResult several, one;
  std::string error;
  ASSERT_TRUE(codegen::generate(program, split, several, error)) << error;
  ASSERT_TRUE(codegen::generate(program, single, one, error)) << error;
  EXPECT_GT(several.objects.size(), 1u);
  EXPECT_LE(several.objects.size(), 8u);
  EXPECT_EQ(one.objects.size(), 1u);
  const std::string directory = tempDirectory() + "/split";
  std::filesystem::create_directories(directory);
  ASSERT_TRUE(link::linkSharedLibrary(several.objects, directory + "/libsplit.so", error)) << error;
  ASSERT_TRUE(link::linkSharedLibrary(one.objects, directory + "/libone.so", error)) << error;
  void* handle = ::dlopen((directory + "/libsplit.so").c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr) << ::dlerror();
  EXPECT_NE(::dlsym(handle, PW_DESCRIPTOR_SYMBOL), nullptr);
  EXPECT_EQ(::dlsym(handle, "pathway_evaluate_trace"), nullptr);  // hidden across objects
  ::dlclose(handle);
  Library splitLibrary(directory + "/libsplit.so"), oneLibrary(directory + "/libone.so");
  Input a(splitLibrary), b(oneLibrary);
  Result ra(splitLibrary), rb(oneLibrary);
  for (int patient = 0; patient < 50; ++patient) {
    for (uint32_t i = 0; i < 40; ++i) {
      if ((patient + i) % 5 == 0) {
        a.setUnknown(i), b.setUnknown(i);
      } else {
        a.setInt(i, (patient * 31 + i * 17) % 101), b.setInt(i, (patient * 31 + i * 17) % 101);
      }
    }
    evaluate(splitLibrary, a, ra);
    evaluate(oneLibrary, b, rb);
    ASSERT_EQ(ra.toJson(), rb.toJson()) << "patient " << patient;
  }
}

TEST(CodegenTest, LinkErrors) {
  std::string error;
  const std::vector<char> garbage = {'n', 'o', 't', ' ', 'a', 'n', ' ', 'o', 'b', 'j'};
  const std::string directory = tempDirectory() + "/link-errors";
  std::filesystem::create_directories(directory);

  EXPECT_FALSE(link::linkSharedLibrary(garbage, directory + "/libbad.so", error));
  EXPECT_THAT(error, HasSubstr("linking '"));
  EXPECT_THAT(error, HasSubstr("failed: "));
  EXPECT_TRUE(std::filesystem::is_empty(directory)) << "a failed link left files behind";

  EXPECT_FALSE(link::linkSharedLibrary(garbage, directory + "/missing/libx.so", error));
  EXPECT_THAT(error, HasSubstr("cannot write '" + directory +
                               "/missing/libx.so': No such file or directory"));
  EXPECT_FALSE(link::linkSharedLibrary(garbage, directory + "/", error));
  EXPECT_THAT(error, HasSubstr("not a file name"));

  // A good link replaces an existing file in one step.
  codegen::CodegenResult result;
  ASSERT_TRUE(codegen::generate(smallProgram(), {}, result, error)) << error;
  const std::string output = directory + "/libgood.so";
  std::ofstream(output) << "old";
  ASSERT_TRUE(link::linkSharedLibrary(result.objects, output, error)) << error;
  EXPECT_GT(std::filesystem::file_size(output), 1000u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory),
                          std::filesystem::directory_iterator()),
            1);
}

}  // namespace
}  // namespace pathway::test
