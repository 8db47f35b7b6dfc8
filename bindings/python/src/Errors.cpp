#include "Errors.h"

#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace pathway::python {

void registerErrors(void* modulePtr) {
  py::module_& m = *static_cast<py::module_*>(modulePtr);
  // Raised by the column path; pathway._frame catches it and raises the
  // public InputError subclass with the column name and the row's label.
  static py::exception<BadValue> badValue(m, "BadValue", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ApiError& e) {
      py::object error = py::module_::import("pathway.errors")
                             .attr("status_error")(static_cast<int>(e.status), e.what());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
    } catch (const BadValue& e) {
      py::tuple args = py::make_tuple(static_cast<int>(e.status), e.input, e.row, e.what());
      PyErr_SetObject(badValue.ptr(), args.ptr());
    }
  });
}

}  // namespace pathway::python
