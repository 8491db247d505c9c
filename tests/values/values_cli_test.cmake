# shoal values as a user calls it: help, a report, exit statuses and
# messages. Invoked by ctest with SHOAL and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/../cli/run_helpers.cmake)

expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal values FILE...")
expect_run(0 ${SHOAL} values --help)
foreach(option --out --scale --unit --column --population --pairs --seed --bootstrap)
  expect_contains("${last_out}" "${option}")
endforeach()

# Three individuals, one item, raw scale: internal 4/3, population 28/6.
file(WRITE ${WORK}/three.csv "population,individual,item,block,value\np,1,q,1,1\np,1,q,2,2\np,2,q,1,4\np,2,q,2,4\np,3,q,1,10\np,3,q,2,7\n")
expect_run(0 ${SHOAL} values ${WORK}/three.csv --scale raw --unit people --out ${WORK}/three.json)
expect_contains("${last_err}" "2.3570")   # (28/6 - 4/3) / √2
file(READ ${WORK}/three.json report)
string(JSON analysis GET "${report}" analysis)
string(JSON unit GET "${report}" parameters unit)
string(JSON internal GET "${report}" populations 0 items 0 internal_distance mean)
if(NOT analysis STREQUAL "values" OR NOT unit STREQUAL "people" OR NOT internal MATCHES "^1\\.333")
  message(FATAL_ERROR "unexpected report: analysis=${analysis} unit=${unit} internal=${internal}")
endif()

# Bad input: exit status 1, naming file, row and column.
file(WRITE ${WORK}/bad.csv "population,individual,item,block,value\np,1,q,1,lots\n")
expect_run(1 ${SHOAL} values ${WORK}/bad.csv)
expect_contains("${last_err}" "bad.csv, row 2, column 'value': expected a number")
# Bad usage: exit status 2.
expect_run(2 ${SHOAL} values ${WORK}/three.csv --scale log)
expect_contains("${last_err}" "scale must be pooled-sd or raw, got 'log'")
expect_run(2 ${SHOAL} values ${WORK}/three.csv --no-such-option 1)
expect_run(2 ${SHOAL} values)
