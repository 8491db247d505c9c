# Runs `shoal concept` as a user would: exit statuses, messages, the report
# and its determinism. Invoked by ctest with SHOAL, SHARED and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/../cli/run_helpers.cmake)

expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal concept FILE...")
expect_run(0 ${SHOAL} concept --help)
foreach(option --out --alpha --prior --kernel --iterations --burn-in --chains --subsets --seed --traces --tables --format
               --column --population --quiet --help --min-people --max-iterations --pair)
  expect_contains("${last_out}" "${option}")
endforeach()

set(paper_file "${SHARED}/paper-data/concept-task/llm-responses/openchat-prompt=none-temp=default.csv")
# A fixed run (--max-iterations equal to --iterations): every chain 60 long.
set(run_options --iterations 60 --burn-in 10 --max-iterations 60 --chains 2 --subsets 25,50 --seed 7 --traces --quiet)
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
string(JSON kernel GET "${first}" parameters kernel)
if(NOT kernel STREQUAL "split-merge")
  message(FATAL_ERROR "the default kernel should be split-merge, the report says '${kernel}'")
endif()
# --kernel gibbs is another sampler: same seed, other chains.
expect_run(0 ${SHOAL} concept ${paper_file} ${run_options} --kernel gibbs --out ${WORK}/gibbs.json)
file(READ ${WORK}/gibbs.json gibbs_report)
string(JSON kernel GET "${gibbs_report}" parameters kernel)
if(NOT kernel STREQUAL "gibbs" OR gibbs_report STREQUAL first)
  message(FATAL_ERROR "--kernel gibbs was not applied (report says '${kernel}')")
endif()
foreach(table concept-subsets concept-reliability concept-map-seating concept-traces)
  if(NOT EXISTS ${WORK}/tables/${table}.csv)
    message(FATAL_ERROR "--tables did not write ${table}.csv")
  endif()
endforeach()

# --pair: two populations' individuals also clustered together per concept,
# by default a family's non-aligned and aligned models; --tables writes
# concept-shared.csv. A pair that is not two names, or names no population,
# is refused with the reason.
set(responses "${SHARED}/paper-data/concept-task/llm-responses")
set(pair_files "${responses}/mistral-instruct-prompt=none-temp=default.csv"
               "${responses}/zephyr-mistral-prompt=none-temp=default.csv")
set(pair_options --iterations 30 --burn-in 10 --subsets 25 --bootstrap 0 --quiet)
expect_run(0 ${SHOAL} concept ${pair_files} ${pair_options} --out ${WORK}/pair.json --tables ${WORK}/pair-tables)
file(READ ${WORK}/pair.json pair_report)
string(JSON shared LENGTH "${pair_report}" shared_concepts)
string(JSON pair_a GET "${pair_report}" shared_concepts 0 population_a)
string(JSON pair_people GET "${pair_report}" shared_concepts 0 people_b)
# A cell per concept both answer with 2 people or more: the smallest subset
# size, 25, or fewer where either has fewer.
if(shared LESS 15 OR shared GREATER 20 OR NOT pair_a STREQUAL "mistral-instruct prompt=none temp=default"
   OR pair_people LESS 2 OR pair_people GREATER 25)
  message(FATAL_ERROR "unexpected shared concepts: ${shared} cells, first of ${pair_a}, ${pair_people} people")
endif()
math(EXPR expected_rows "${shared} + 1")
file(STRINGS ${WORK}/pair-tables/concept-shared.csv shared_rows)
list(GET shared_rows 0 shared_header)
list(LENGTH shared_rows shared_count)
if(NOT shared_header STREQUAL "population_a,population_b,concept,people_a,people_b,p_cross_same_mean,p_cross_same_low,p_cross_same_high,p_same_a,p_same_b"
   OR NOT shared_count EQUAL expected_rows)
  message(FATAL_ERROR "concept-shared.csv: ${shared_count} rows under '${shared_header}'")
endif()
expect_run(0 ${SHOAL} concept ${pair_files} ${pair_options} --pair none --out ${WORK}/no-pair.json)
file(READ ${WORK}/no-pair.json no_pair_report)
string(JSON shared LENGTH "${no_pair_report}" shared_concepts)
if(NOT shared EQUAL 0)
  message(FATAL_ERROR "--pair none left ${shared} shared cells")
endif()
expect_run(2 ${SHOAL} concept ${pair_files} ${pair_options} --pair "mistral-instruct prompt=none temp=default")
expect_contains("${last_err}" "must be two population names separated by a comma")
expect_run(1 ${SHOAL} concept ${pair_files} ${pair_options} --pair families --pair "gpt,zephyr-mistral prompt=none temp=default")
expect_contains("${last_err}" "no population is named 'gpt' (there are: mistral-instruct prompt=none temp=default, zephyr-mistral prompt=none temp=default)")

# Run until converged: the summary line on standard error; a maximum below
# the iterations is a fixed run of the iterations.
expect_run(0 ${SHOAL} concept ${paper_file} --iterations 40 --burn-in 8 --max-iterations 80 --chains 4 --subsets 25
           --bootstrap 0 --out ${WORK}/adaptive.json)
expect_contains("${last_err}" "convergence: ")
expect_contains("${last_err}" " cells passed")
expect_run(0 ${SHOAL} concept ${paper_file} --iterations 60 --burn-in 10 --max-iterations 30 --chains 2 --subsets 25
           --bootstrap 0 --out ${WORK}/fixed.json)
file(READ ${WORK}/fixed.json fixed_report)
string(JSON fixed_max GET "${fixed_report}" parameters max_iterations)
string(JSON fixed_iterations GET "${fixed_report}" populations 0 concepts 0 subsets 0 convergence iterations)
if(NOT fixed_max EQUAL 60 OR NOT fixed_iterations EQUAL 60)
  message(FATAL_ERROR "a maximum below the iterations should run 60 iterations, got max ${fixed_max}, ran ${fixed_iterations}")
endif()

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
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --kernel metropolis)
expect_contains("${last_err}" "kernel must be split-merge or gibbs, got 'metropolis'")
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --iterations 100 --burn-in 100)
expect_contains("${last_err}" "burn-in")
expect_run(2 ${SHOAL} concept ${WORK}/bad.csv --subsets 25,x)

# --min-people: a concept answered by 3 people (under the default 10) is
# clustered and reported but left out of the comparisons; 1 keeps it.
set(small_rows "Concept,ID,Question,ChoiceNumber\n")
foreach(id RANGE 1 12)
  math(EXPR choice "${id} % 2")
  string(APPEND small_rows "a finch,${id},a robin an eagle,${choice}\na finch,${id},a seal a whale,0\n")
endforeach()
foreach(id RANGE 101 103)
  string(APPEND small_rows "a seal,${id},a robin an eagle,1\na seal,${id},a finch a whale,0\n")
endforeach()
file(WRITE ${WORK}/small.csv "${small_rows}")
set(small_options --iterations 20 --burn-in 5 --subsets 25 --bootstrap 50)
expect_run(0 ${SHOAL} concept ${WORK}/small.csv ${small_options} --out ${WORK}/small.json --tables ${WORK}/small-tables)
expect_contains("${last_err}" "1 of 2 concepts")
expect_contains("${last_err}" "fewer than 10 people")
file(READ ${WORK}/small.json small)
string(JSON parameter GET "${small}" parameters min_people)
string(JSON setting GET "${small}" comparisons min_people)
string(JSON left_out LENGTH "${small}" comparisons left_out)
string(JSON left_concept GET "${small}" comparisons left_out 0 concept)
string(JSON left_people GET "${small}" comparisons left_out 0 people)
string(JSON finch_below GET "${small}" populations 0 concepts 0 below_min_people)
string(JSON seal_below GET "${small}" populations 0 concepts 1 below_min_people)
string(JSON units GET "${small}" comparisons populations 0 summaries p_multiple_concepts all units)
string(JSON animals GET "${small}" comparisons populations 0 summaries p_multiple_concepts animals units)
string(JSON seal_subsets LENGTH "${small}" populations 0 concepts 1 subsets)
if(NOT parameter EQUAL 10 OR NOT setting EQUAL 10 OR NOT left_out EQUAL 1 OR NOT left_concept STREQUAL "a seal"
   OR NOT left_people EQUAL 3 OR finch_below OR NOT seal_below OR NOT units EQUAL 1 OR NOT animals EQUAL 1
   OR NOT seal_subsets EQUAL 1)
  message(FATAL_ERROR "min-people 10 (the default) did not leave out the 3-person concept: parameter=${parameter} "
                      "setting=${setting} left_out=${left_out} ${left_concept} ${left_people} finch_below=${finch_below} "
                      "seal_below=${seal_below} units=${units} animals=${animals} seal_subsets=${seal_subsets}")
endif()
file(READ ${WORK}/small-tables/concept-subsets.csv subsets_table)
expect_contains("${subsets_table}" ",below_min_people\n")
string(REGEX MATCH "\n[^\n]*a seal,3,[^\n]*,true\n" seal_row "${subsets_table}")
string(REGEX MATCH "\n[^\n]*a finch,12,[^\n]*,false\n" finch_row "${subsets_table}")
if(NOT seal_row OR NOT finch_row)
  message(FATAL_ERROR "concept-subsets.csv does not mark the left-out concept:\n${subsets_table}")
endif()

expect_run(0 ${SHOAL} concept ${WORK}/small.csv ${small_options} --min-people 1 --out ${WORK}/small-all.json)
file(READ ${WORK}/small-all.json small_all)
string(JSON left_out LENGTH "${small_all}" comparisons left_out)
string(JSON seal_below GET "${small_all}" populations 0 concepts 1 below_min_people)
string(JSON units GET "${small_all}" comparisons populations 0 summaries p_multiple_concepts all units)
string(JSON parameter GET "${small_all}" parameters min_people)
if(NOT left_out EQUAL 0 OR seal_below OR NOT units EQUAL 2 OR NOT parameter EQUAL 1)
  message(FATAL_ERROR "--min-people 1 did not keep every concept: left_out=${left_out} seal_below=${seal_below} "
                      "units=${units} parameter=${parameter}")
endif()

foreach(bad -1 ten 2.5 1000001)
  expect_run(2 ${SHOAL} concept ${WORK}/small.csv --min-people "${bad}")
  expect_contains("${last_err}"
    "min-people (the least people a concept needs to count in the comparisons) must be a whole number from 0 to 1000000, got '${bad}'")
endforeach()
expect_run(2 ${SHOAL} concept ${WORK}/small.csv --min-people)
expect_contains("${last_err}" "option --min-people needs a value")
