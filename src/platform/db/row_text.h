// Reading a SOCI row's columns without caring how each backend typed them: SQLite and
// PostgreSQL report INTEGER, BIGINT and COUNT(*) differently, so features read through
// these helpers (or typed into()) rather than row::get<T> with a guessed T.
#pragma once

#include <string>

#include <soci/soci.h>

namespace diseasemaps {

// The column as text; "" when NULL.
std::string RowText(const soci::row& row, std::size_t column);

// The column as an integer; `fallback` when NULL or not a number.
long long RowInteger(const soci::row& row, std::size_t column, long long fallback = 0);

// The column as a floating-point number; 0 when NULL (an integer column is widened).
double RowDouble(const soci::row& row, std::size_t column);

}  // namespace diseasemaps
