# Runs the shoal CLI as a user would and checks exit statuses, messages and
# the report. Invoked by ctest with SHOAL, SHARED and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/run_helpers.cmake)

expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal color FILE...")
expect_run(0 ${SHOAL} color --help)
foreach(option --out --tables --format --column --population --pairs --delta-e --reference --seed --jsd --jsd-samples)
  expect_contains("${last_out}" "${option}")
endforeach()

# The paper's human data with the paper's pair rule.
expect_run(0 ${SHOAL} color ${SHARED}/paper-data/color-task/colorref.csv --pairs paper --out ${WORK}/report.json
           --tables ${WORK}/tables)
expect_contains("${last_err}" "15.8789")
file(READ ${WORK}/report.json report)
string(JSON analysis GET "${report}" analysis)
string(JSON pairs GET "${report}" parameters pairs)
string(JSON hash GET "${report}" inputs 0 sha256)
string(JSON mean GET "${report}" populations 0 dist_from_diagonal mean)
string(JSON words LENGTH "${report}" populations 0 words)
if(NOT analysis STREQUAL "color" OR NOT pairs STREQUAL "paper" OR NOT words EQUAL 199)
  message(FATAL_ERROR "unexpected report: analysis=${analysis} pairs=${pairs} words=${words}")
endif()
string(LENGTH "${hash}" hash_length)
if(NOT hash_length EQUAL 64)
  message(FATAL_ERROR "input hash missing: '${hash}'")
endif()
expect_contains("${mean}" "15.87892495")
file(READ ${WORK}/tables/color-words.csv words_csv)
expect_contains("${words_csv}" "population,word,individuals")
expect_contains("${words_csv}" "human,absurdity,93,")

# Names from data reach the terminal as visible escapes, never as control
# sequences: an escape (ESC) and a bell in a population's name.
string(ASCII 27 esc)
string(ASCII 7 bell)
file(WRITE ${WORK}/escapes.csv "population,individual,word,block,colour\n")
foreach(person 1 2 3)
  foreach(block 1 2)
    file(APPEND ${WORK}/escapes.csv "pop${esc}]0;owned${bell},p${person},sky,${block},#3${person}7${block}cf\n")
  endforeach()
endforeach()
expect_run(0 ${SHOAL} color ${WORK}/escapes.csv --bootstrap 0 --jsd-samples 100 --out ${WORK}/escapes.json)
expect_contains("${last_err}" "pop\\x1b]0;owned\\x07")
string(FIND "${last_err}" "${esc}" raw_escape)
if(NOT raw_escape EQUAL -1)
  message(FATAL_ERROR "a raw escape reached standard error:\n${last_err}")
endif()

# A device that never ends is refused at the stream bound, with its name.
expect_run(1 ${SHOAL} color /dev/zero --quiet)
expect_contains("${last_err}" "/dev/zero")
expect_contains("${last_err}" "not a regular file and holds more than")

# The same data gzip-compressed give the same numbers.
execute_process(COMMAND gzip -c ${SHARED}/paper-data/color-task/colorref.csv OUTPUT_FILE ${WORK}/colorref.csv.gz
                RESULT_VARIABLE gzip_status)
if(NOT gzip_status EQUAL 0)
  message(FATAL_ERROR "gzip failed")
endif()
expect_run(0 ${SHOAL} color ${WORK}/colorref.csv.gz --pairs paper --quiet --out ${WORK}/gz.json)
file(READ ${WORK}/gz.json gz_report)
string(JSON gz_mean GET "${gz_report}" populations 0 dist_from_diagonal mean)
string(JSON gz_rows GET "${gz_report}" inputs 0 rows)
if(NOT gz_mean STREQUAL mean OR NOT gz_rows EQUAL 38000)
  message(FATAL_ERROR "gzip input gave ${gz_mean} over ${gz_rows} rows, expected ${mean} over 38000")
endif()

# Bad input: exit status 1 and a message naming file, row and column.
file(WRITE ${WORK}/bad.csv "participantID,word,response_r,response_g,response_b,condition\n1,sky,1,x,3,block1_target_trial\n")
expect_run(1 ${SHOAL} color ${WORK}/bad.csv --out ${WORK}/bad.json)
expect_contains("${last_err}" "bad.csv, row 2, column 'response_g'")
expect_run(1 ${SHOAL} color ${WORK}/does-not-exist.csv)
expect_contains("${last_err}" "cannot open")

# Bad usage: exit status 2.
expect_run(2 ${SHOAL} color ${WORK}/bad.csv --pairs some)
expect_contains("${last_err}" "pairs must be all or paper, got 'some'")
expect_run(2 ${SHOAL} color ${WORK}/bad.csv --no-such-option 1)
expect_run(2 ${SHOAL} frobnicate)
expect_run(2 ${SHOAL} color)
