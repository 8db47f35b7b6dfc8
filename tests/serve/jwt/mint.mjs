// Key sets and bearer tokens for the serve tests (jose, not OpenSSL: an
// independent implementation of what the service verifies).
//   node mint.mjs keys DIR        writes DIR/{es384,rs384,stranger}.private.jwk and DIR/jwks.json
//   node mint.mjs tokens SPEC     SPEC: [{"key": FILE, "alg": "ES384", "kid": "...", "claims": {...},
//                                 "header": {...}?}] -> a JSON array of compact JWS on stdout
import { generateKeyPair, exportJWK, importJWK, SignJWT } from 'jose';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [command, arg] = process.argv.slice(2);
if (command === 'keys') {
  const keys = [];
  for (const [name, alg] of [['es384', 'ES384'], ['rs384', 'RS384'], ['stranger', 'ES384']]) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
    const jwk = await exportJWK(privateKey);
    writeFileSync(join(arg, `${name}.private.jwk`), JSON.stringify({ ...jwk, alg }));
    if (name !== 'stranger') keys.push({ ...(await exportJWK(publicKey)), alg, kid: `${name}-key`, use: 'sig' });
  }
  writeFileSync(join(arg, 'jwks.json'), JSON.stringify({ keys }, null, 2));
} else if (command === 'tokens') {
  const out = [];
  for (const t of JSON.parse(readFileSync(arg, 'utf8'))) {
    const jwk = JSON.parse(readFileSync(t.key, 'utf8'));
    const key = await importJWK(jwk, t.alg);
    out.push(await new SignJWT(t.claims).setProtectedHeader({ alg: t.alg, typ: 'JWT', kid: t.kid, ...(t.header ?? {}) }).sign(key));
  }
  process.stdout.write(JSON.stringify(out));
} else {
  console.error('usage: mint.mjs keys DIR | tokens SPEC.json');
  process.exit(2);
}
