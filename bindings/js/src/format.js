// Numbers as the C++ runtime writes them in messages and explanations:
// fmt 9's `{}` for a double, i.e. the shortest decimal that reads back as
// the same double, in fixed notation when its decimal exponent is in
// [-4, 16), else as d[.ddd]e±XX (at least two exponent digits); "nan",
// "inf", "-inf"; "-0" for negative zero; integral values without ".0".

/**
 * `value` (a JS number, i.e. a double) formatted as fmt::format("{}", value):
 * 1 -> "1", 0.1 -> "0.1", 1e16 -> "1e+16", 1e15 -> "1000000000000000",
 * 1e-5 -> "1e-05", 0.0001 -> "0.0001", -0 -> "-0", NaN -> "nan", Infinity -> "inf".
 */
export function formatNumber(value) {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  const negative = value < 0 || Object.is(value, -0);
  if (value === 0) return negative ? '-0' : '0';
  // toExponential() without digits gives the shortest round-trip digits.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponentText);
  let out;
  if (exp < -4 || exp >= 16) {
    const abs = Math.abs(exp);
    out = (digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`) +
      `e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  } else if (exp >= digits.length - 1) {
    out = digits + '0'.repeat(exp - digits.length + 1);
  } else if (exp >= 0) {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return negative ? `-${out}` : out;
}

/**
 * An integer count or index as the C++ writes a size_t/uint32_t ("{}" of an
 * integer type): plain decimal digits. Accepts a number or a BigInt.
 */
export function formatInteger(value) {
  return typeof value === 'bigint' ? value.toString() : String(Math.trunc(value));
}
