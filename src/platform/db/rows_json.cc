#include "platform/db/rows_json.h"

#include "platform/db/row_text.h"

namespace diseasemaps {

nlohmann::json RowsAsJson(soci::session& sql, const std::string& query, long long user_id) {
  nlohmann::json rows = nlohmann::json::array();
  soci::rowset<soci::row> result = (sql.prepare << query, soci::use(user_id, "id"));
  for (const soci::row& row : result) {
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      const soci::column_properties& column = row.get_properties(i);
      if (row.get_indicator(i) == soci::i_null) {
        object[column.get_name()] = nullptr;
      } else if (column.get_data_type() == soci::dt_string || column.get_data_type() == soci::dt_date) {
        object[column.get_name()] = RowText(row, i);
      } else {
        object[column.get_name()] = RowInteger(row, i);
      }
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

}  // namespace diseasemaps
