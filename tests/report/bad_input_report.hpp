#pragma once
// A Report whose every text field is hostile: quotes, newlines, HTML, Japanese, CSV formula triggers,
// "</script>" and U+2028. Shared by the escaping unit tests and the schema validators.
#include "report/report.hpp"

namespace rg::testing {

report::Report bad_input_report();

} // namespace rg::testing
