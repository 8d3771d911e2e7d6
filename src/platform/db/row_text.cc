#include "platform/db/row_text.h"

#include <charconv>

namespace diseasemaps {

std::string RowText(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return {};
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
    case soci::dt_blob:
    case soci::dt_xml:
      return row.get<std::string>(column);
    case soci::dt_integer:
      return std::to_string(row.get<int>(column));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_double:
      return std::to_string(row.get<double>(column));
    default:
      return {};
  }
}

long long RowInteger(const soci::row& row, std::size_t column, long long fallback) {
  if (row.get_indicator(column) == soci::i_null) return fallback;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(column));
    default: {
      const std::string text = RowText(row, column);
      long long value = fallback;
      std::from_chars(text.data(), text.data() + text.size(), value);
      return value;
    }
  }
}

double RowDouble(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return 0;
  if (row.get_properties(column).get_data_type() == soci::dt_double) return row.get<double>(column);
  return static_cast<double>(RowInteger(row, column));
}

}  // namespace diseasemaps
