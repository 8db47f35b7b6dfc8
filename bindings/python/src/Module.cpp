// pathway._core: the C API of libpathway for Python. The pure-Python
// package (pathway/) builds the public API on top; see docs/python.md.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "Columns.h"
#include "Errors.h"
#include "Library.h"
#include "Result.h"

namespace py = pybind11;
using namespace pathway::python;

namespace {

py::list citations(const pw_citation* items, uint32_t n) {
  py::list out;
  for (uint32_t i = 0; i < n; ++i) out.append(py::make_tuple(items[i].source, items[i].paragraph));
  return out;
}

const char* kindName(pw_input_kind kind) {
  switch (kind) {
    case PW_INPUT_BOOL: return "bool";
    case PW_INPUT_INT: return "int";
    case PW_INPUT_NUMBER: return "number";
    case PW_INPUT_ENUM: return "enum";
    case PW_INPUT_QUANTITY: return "quantity";
  }
  return "?";
}

py::dict describe(const Library& lib) {
  const pw_library_info& info = lib.info();
  py::dict d;
  d["path"] = info.path;
  d["name"] = info.name;
  d["title"] = info.title;
  d["version"] = info.version;
  d["abi_version"] = info.abi_version;
  d["content_hash"] = info.content_hash;
  py::list authors;
  for (uint32_t i = 0; i < info.n_authors; ++i) authors.append(info.authors[i]);
  d["authors"] = authors;
  d["metadata_json"] = py::str(info.metadata_json, info.metadata_size);
  d["has_columns"] = lib.hasColumns();
  d["has_trace"] = lib.hasTrace();
  py::list inputs;
  for (const pw_input_info& in : lib.inputs()) {
    py::dict x;
    x["name"] = in.name;
    x["kind"] = kindName(in.kind);
    x["unit"] = in.unit;
    x["dimension"] = in.dimension;
    x["min"] = in.has_min ? py::object(py::float_(in.min)) : py::none();
    x["max"] = in.has_max ? py::object(py::float_(in.max)) : py::none();
    x["enum_name"] = in.enum_name;
    py::list labels;
    for (uint32_t i = 0; i < in.n_labels; ++i) labels.append(in.labels[i]);
    x["labels"] = labels;
    x["description"] = in.description;
    inputs.append(x);
  }
  d["inputs"] = inputs;
  py::list recs;
  for (const pw_recommendation_info& r : lib.recommendations()) {
    py::dict x;
    x["code"] = r.name;
    x["label"] = r.label;
    x["category"] = r.category;
    x["urgency"] = r.urgency;
    x["rationale"] = r.rationale;
    x["citations"] = citations(r.citations, r.n_citations);
    py::list supersedes;
    for (uint32_t i = 0; i < r.n_supersedes; ++i) supersedes.append(r.supersedes[i]);
    x["supersedes"] = supersedes;
    recs.append(x);
  }
  d["recommendations"] = recs;
  py::list findings;
  for (const pw_finding_info& f : lib.findings()) {
    py::dict x;
    x["name"] = f.name;
    x["label"] = f.label;
    x["citations"] = citations(f.citations, f.n_citations);
    findings.append(x);
  }
  d["findings"] = findings;
  py::list definitions;
  for (const pw_definition_info& def : lib.definitions()) {
    py::dict x;
    x["name"] = def.name;
    x["type"] = def.type == PW_TYPE_NUMBER ? "number" : "bool";
    definitions.append(x);
  }
  d["definitions"] = definitions;
  py::list sources;
  for (const pw_source_info& s : lib.sources()) {
    py::dict x;
    x["name"] = s.name;
    x["title"] = s.title;
    py::list paragraphs;
    for (uint32_t i = 0; i < s.n_paragraphs; ++i) paragraphs.append(s.paragraphs[i]);
    x["paragraphs"] = paragraphs;
    sources.append(x);
  }
  d["sources"] = sources;
  return d;
}

using Doubles = py::array_t<double, py::array::c_style>;

ElementType elementType(const py::array& a) {
  const char kind = a.dtype().kind();
  const auto size = a.dtype().itemsize();
  if (kind == 'f' && size == 8) return ElementType::Float64;
  if (kind == 'f' && size == 4) return ElementType::Float32;
  if (kind == 'b' && size == 1) return ElementType::Bool;
  if (kind == 'i' && size == 8) return ElementType::Int64;
  if (kind == 'i' && size == 4) return ElementType::Int32;
  if (kind == 'i' && size == 2) return ElementType::Int16;
  if (kind == 'i' && size == 1) return ElementType::Int8;
  if (kind == 'u' && size == 8) return ElementType::UInt64;
  if (kind == 'u' && size == 4) return ElementType::UInt32;
  if (kind == 'u' && size == 2) return ElementType::UInt16;
  if (kind == 'u' && size == 1) return ElementType::UInt8;
  throw ApiError(PW_ERR_ARGUMENT, "a column's data must be a numpy array of floats, ints or bools");
}

void checkShape(const py::array& a, uint64_t count) {
  if (a.ndim() != 1 || static_cast<uint64_t>(a.shape(0)) != count ||
      (a.ndim() == 1 && a.shape(0) > 1 && a.strides(0) != a.itemsize())) {
    throw ApiError(PW_ERR_ARGUMENT, "every column must be one-dimensional and contiguous, one value per row");
  }
}

// One patient per call; the GIL is released while the runtime works.
std::unique_ptr<Result> evaluate(const std::shared_ptr<Library>& lib, const std::string& json) {
  py::gil_scoped_release release;
  return std::make_unique<Result>(lib, json);
}

py::dict evaluateFrame(const std::shared_ptr<Library>& lib, const py::list& columns, uint64_t count,
                       bool findings, bool definitions, bool missing, const std::string& engine,
                       unsigned threads) {
  const pw_library_info& info = lib->info();
  if (columns.size() != info.n_inputs) {
    throw ApiError(PW_ERR_ARGUMENT, "one column (or None) per input expected");
  }
  if (engine != "columns" && engine != "rows") {
    throw ApiError(PW_ERR_ARGUMENT, "engine must be 'columns' or 'rows', not '" + engine + "'");
  }
  ColumnsRequest request;
  request.count = count;
  request.findings = findings;
  request.definitions = definitions;
  request.missing = missing;
  request.engine = engine == "rows" ? Engine::Rows : Engine::Columns;
  request.threads = threads;
  std::vector<py::array> held;  // keeps the buffers alive
  for (py::handle item : columns) {
    if (item.is_none()) {
      request.columns.push_back({});
      continue;
    }
    // (data, mask or None): one-dimensional contiguous numpy arrays.
    auto pair = py::cast<py::tuple>(item);
    if (pair.size() != 2) throw ApiError(PW_ERR_ARGUMENT, "a column is (data, mask or None)");
    py::array data = py::cast<py::array>(pair[0]);
    Column column;
    column.data = data.data();
    column.type = elementType(data);
    checkShape(data, count);
    if (!pair[1].is_none()) {
      py::array mask = py::cast<py::array>(pair[1]);
      if (mask.dtype().kind() != 'b') throw ApiError(PW_ERR_ARGUMENT, "a column's mask must be bool");
      checkShape(mask, count);
      column.mask = static_cast<const bool*>(mask.data());
      held.push_back(std::move(mask));
    }
    request.columns.push_back(column);
    held.push_back(std::move(data));
  }
  const auto n = static_cast<py::ssize_t>(count);
  ColumnsOutput out;
  py::dict result;
  py::array_t<int8_t> status({static_cast<py::ssize_t>(info.n_recommendations), n});
  for (uint32_t r = 0; r < info.n_recommendations; ++r) out.status.push_back(status.mutable_data(r));
  result["status"] = status;
  if (findings) {
    py::array_t<bool> value({static_cast<py::ssize_t>(info.n_findings), n});
    py::array_t<bool> unknown({static_cast<py::ssize_t>(info.n_findings), n});
    for (uint32_t f = 0; f < info.n_findings; ++f) {
      out.findingValue.push_back(reinterpret_cast<uint8_t*>(value.mutable_data(f)));
      out.findingUnknown.push_back(reinterpret_cast<uint8_t*>(unknown.mutable_data(f)));
    }
    result["finding_value"] = value;
    result["finding_unknown"] = unknown;
  }
  if (definitions) {
    py::list defs;
    for (const pw_definition_info& d : lib->definitions()) {
      if (d.type == PW_TYPE_NUMBER) {
        py::array_t<double> number(n);
        out.definitionNumber.push_back(number.mutable_data());
        out.definitionValue.push_back(nullptr);
        out.definitionUnknown.push_back(nullptr);
        defs.append(py::make_tuple(number));
      } else {
        py::array_t<bool> value(n), unknown(n);
        out.definitionNumber.push_back(nullptr);
        out.definitionValue.push_back(reinterpret_cast<uint8_t*>(value.mutable_data()));
        out.definitionUnknown.push_back(reinterpret_cast<uint8_t*>(unknown.mutable_data()));
        defs.append(py::make_tuple(value, unknown));
      }
    }
    result["definitions"] = defs;
  }
  py::array_t<int32_t> codes;
  if (missing) {
    codes = py::array_t<int32_t>({static_cast<py::ssize_t>(info.n_recommendations), n});
    for (uint32_t r = 0; r < info.n_recommendations; ++r) out.missingCode.push_back(codes.mutable_data(r));
    result["missing_codes"] = codes;
  }
  {
    py::gil_scoped_release release;
    evaluateColumns(*lib, request, out);
  }
  if (missing) result["missing_sets"] = out.missingSets;
  return result;
}

Doubles convertQuantities(const Library& lib, uint32_t index, const std::string& unit, const Doubles& values) {
  Doubles out(values.size());
  check(pw_library_convert_quantities(lib.get(), index, unit.c_str(), static_cast<size_t>(values.size()),
                                      values.data(), out.mutable_data()));
  return out;
}

uint32_t findInput(const Library& lib, const std::string& name) {
  uint32_t index = 0;
  check(pw_library_find_input(lib.get(), name.c_str(), &index));
  return index;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The Pathway runtime's C API (libpathway) for the pathway package; use pathway.Library.";
  registerErrors(&m);
  m.attr("EXPLAIN_ALL") = PW_EXPLAIN_ALL;

  py::class_<Library, std::shared_ptr<Library>>(m, "Library", "A compiled pathway library (pw_library).")
      .def(py::init<const std::string&>(), py::arg("path"), "Opens a compiled pathway (pw_library_open).")
      .def("describe", &describe, "Metadata, schema and tables as plain Python values.")
      .def("evaluate", &evaluate, py::arg("json"),
           "Evaluates one patient given as a JSON object (pw_input_set_json), traced when possible.")
      .def("evaluate_columns", &evaluateFrame, py::arg("columns"), py::arg("count"),
           py::arg("findings"), py::arg("definitions"), py::arg("missing"), py::arg("engine"),
           py::arg("threads") = 1,
           "Evaluates `count` patients from one (data, mask) pair (mask true or NaN = unknown) or None per input.")
      .def("convert_quantities", &convertQuantities, py::arg("index"), py::arg("unit"), py::arg("values"),
           "Values of quantity input `index` in `unit`, converted to its declared unit.")
      .def("find_input", &findInput, py::arg("name"), "The index of an input (UnknownNameError otherwise).")
      .def_property_readonly("has_columns", &Library::hasColumns)
      .def_property_readonly("has_trace", &Library::hasTrace);

  py::class_<Result>(m, "Result", "One patient's evaluation (pw_result).")
      .def_property_readonly("traced", &Result::traced)
      .def("status", [](const Result& r, uint32_t i) { return static_cast<int>(r.status(i)); })
      .def("condition", [](const Result& r, uint32_t i) { return static_cast<int>(r.condition(i)); })
      .def("missing", &Result::missing)
      .def("superseded_by", &Result::supersededBy)
      .def("finding", [](const Result& r, uint32_t i) { return static_cast<int>(r.finding(i)); })
      .def("definition", [](const Result& r, uint32_t i) {
        auto [value, number] = r.definition(i);
        return py::make_tuple(static_cast<int>(value), number);
      })
      .def("explain", &Result::explain, py::arg("recommendation"), py::arg("json"))
      .def("to_json", &Result::toJson);
}
