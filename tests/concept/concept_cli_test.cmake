# Runs `shoal concept` as a user would: exit statuses, messages, the report
# and its determinism. Invoked by ctest with SHOAL, SHARED and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/../cli/run_helpers.cmake)

expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal concept FILE...")
expect_run(0 ${SHOAL} concept --help)
foreach(option --out --alpha --prior --iterations --burn-in --chains --subsets --seed --traces --tables --format
               --column --population --quiet --help)
  expect_contains("${last_out}" "${option}")
endforeach()

set(paper_file "${SHARED}/paper-data/concept-task/llm-responses/openchat-prompt=none-temp=default.csv")
set(run_options --iterations 60 --burn-in 10 --chains 2 --subsets 25,50 --seed 7 --traces --quiet)
expect_run(0 ${SHOAL} concept ${paper_file} ${run_options} --out ${WORK}/first.json --tables ${WORK}/tables)
expect_run(0 ${SHOAL} concept ${paper_file} ${run_options} --out ${WORK}/second.json)
file(READ ${WORK}/first.json first)
file(READ ${WORK}/second.json second)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the same seed gave two different reports")
endif()
string(JSON analysis GET "${first}" analysis)
string(JSON name GET "${first}" populations 0 name)
string(JSON concepts LENGTH "${first}" populations 0 concepts)
string(JSON chains LENGTH "${first}" populations 0 concepts 0 subsets 0 chains)
string(JSON trace LENGTH "${first}" populations 0 concepts 0 subsets 0 chains 0 trace iteration)
string(JSON hash GET "${first}" inputs 0 sha256)
if(NOT analysis STREQUAL "concept" OR NOT name STREQUAL "openchat prompt=none temp=default" OR NOT concepts EQUAL 20
   OR NOT chains EQUAL 2 OR NOT trace EQUAL 50)
  message(FATAL_ERROR "unexpected report: analysis=${analysis} name=${name} concepts=${concepts} chains=${chains} trace=${trace}")
endif()
string(LENGTH "${hash}" hash_length)
if(NOT hash_length EQUAL 64)
  message(FATAL_ERROR "input hash missing: '${hash}'")
endif()
foreach(table concept-subsets concept-reliability concept-map-seating concept-traces)
  if(NOT EXISTS ${WORK}/tables/${table}.csv)
    message(FATAL_ERROR "--tables did not write ${table}.csv")
  endif()
endforeach()

# Bad input: exit status 1 and a message naming file, row and column.
file(WRITE ${WORK}/bad.csv "Concept,ID,Question,ChoiceNumber\na,1,b c,0\na,2,b c,yes\n")
expect_run(1 ${SHOAL} concept ${WORK}/bad.csv)
expect_contains("${last_err}" "bad.csv, row 3, column 'ChoiceNumber'")
file(WRITE ${WORK}/alone.csv "Concept,ID,Question,ChoiceNumber\na,1,b c,0\na,1,b d,1\n")
expect_run(1 ${SHOAL} concept ${WORK}/alone.csv)
expect_contains("${last_err}" "alone.csv, row 2, column 'ID'")

# Bad usage: exit status 2.
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --prior flat)
expect_contains("${last_err}" "prior must be simplicity or uniform, got 'flat'")
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --iterations 100 --burn-in 100)
expect_contains("${last_err}" "burn-in")
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --subsets 25,x)
