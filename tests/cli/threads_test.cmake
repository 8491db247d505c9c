# The report does not depend on --threads: colour, concept (run until
# converged, so with continued chains) and values analyses, each run with 1,
# 2 and 4 threads, must give the same report byte for byte. Invoked by ctest
# with SHOAL, MAKE_EXAMPLES, SHARED and WORK defined.
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/run_helpers.cmake)
execute_process(COMMAND ${MAKE_EXAMPLES} ${WORK} 7 RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make_examples failed")
endif()

# Runs TASK on FILES with 1, 2 and 4 threads (options in ARGN) and fails
# unless the three reports are equal; the report is left in
# ${WORK}/NAME-1.json.
function(same_report_for_any_threads name task files)
  foreach(threads 1 2 4)
    expect_run(0 ${SHOAL} ${task} ${files} ${ARGN} --threads ${threads} --out ${WORK}/${name}-${threads}.json)
    # Standard error is not a terminal here: the summary, never a progress line.
    string(FIND "${last_err}" "\r" carriage_return)
    string(FIND "${last_err}" " elapsed" elapsed)
    if(NOT carriage_return EQUAL -1 OR NOT elapsed EQUAL -1)
      message(FATAL_ERROR "${name} --threads ${threads} drew a progress line on a standard error that is no terminal")
    endif()
  endforeach()
  file(READ ${WORK}/${name}-1.json one)
  string(LENGTH "${one}" length)
  if(length LESS 1000)
    message(FATAL_ERROR "${name}: the report is too short to compare:\n${one}")
  endif()
  foreach(threads 2 4)
    file(READ ${WORK}/${name}-${threads}.json other)
    if(NOT one STREQUAL other)
      message(FATAL_ERROR "${name}: the report with --threads ${threads} differs from the one with --threads 1 "
                          "(${WORK}/${name}-${threads}.json, ${WORK}/${name}-1.json)")
    endif()
  endforeach()
endfunction()

file(GLOB color_files ${WORK}/color/*.csv)
file(GLOB values_files ${WORK}/values/*.csv)
same_report_for_any_threads(color color "${color_files}" --bootstrap 200)

# Words large enough that their pairs are cut into blocks, spread over the
# threads and combined: "sky" with 1500 individuals beyond --all-pairs-up-to
# (pairs drawn in blocks), "sea" with 1100 within it (every pair, in blocks
# of rows), "sun" with 40 (every pair in one go).
set(rows "population,individual,word,block,r,g,b\n")
foreach(i RANGE 1 1500)
  foreach(word sky sea sun)
    if((word STREQUAL "sea" AND i GREATER 1100) OR (word STREQUAL "sun" AND i GREATER 40))
      continue()
    endif()
    math(EXPR r "(${i} * 37) % 256")
    math(EXPR g "(${i} * 101) % 256")
    math(EXPR b1 "(${i} * 53) % 256")
    math(EXPR b2 "(${i} * 53 + ${i} % 7 * 9) % 256")
    string(APPEND rows "big,p${i},${word},1,${r},${g},${b1}\nbig,p${i},${word},2,${r},${g},${b2}\n")
  endforeach()
endforeach()
file(WRITE ${WORK}/big-words.csv "${rows}")
same_report_for_any_threads(color-blocks color "${WORK}/big-words.csv" --all-pairs-up-to 1200 --sampled-pairs 150000
                            --bootstrap 0 --jsd-samples 100)
file(READ ${WORK}/color-blocks-1.json report)
string(JSON sky_pairs GET "${report}" populations 0 words 1 sampled_pairs pairs)
string(JSON sea_sampled TYPE "${report}" populations 0 words 0 sampled_pairs)
string(JSON sea_pairs GET "${report}" populations 0 words 0 population_delta_e n)
if(NOT sky_pairs EQUAL 150000 OR NOT sea_sampled STREQUAL "NULL" OR NOT sea_pairs EQUAL 1208900)
  message(FATAL_ERROR "color-blocks: expected sky sampled (150000 pairs) and sea exact (1208900 pairs), got "
                      "${sky_pairs}, ${sea_sampled}, ${sea_pairs}")
endif()
same_report_for_any_threads(values values "${values_files}" --bootstrap 200)
# The generated concept examples cluster at once (every cell constant), so
# two of the paper's files, which do not: four chains of 40 iterations,
# continued up to 320, so that some cells pass early and others are
# continued once or more (and tempered when they stall).
set(llm ${SHARED}/paper-data/concept-task/llm-responses)
same_report_for_any_threads(concept concept "${llm}/openchat-prompt=random-temp=default.csv;${llm}/openchat-prompt=none-temp=default.csv"
                            --chains 4 --iterations 40 --burn-in 8 --max-iterations 320 --subsets 10,25 --bootstrap 200)

# The concept run must have continued some chains and not others, else it
# tested no round of continuation.
file(READ ${WORK}/concept-1.json report)
string(JSON populations LENGTH "${report}" populations)
set(lengths "")
math(EXPR last_population "${populations} - 1")
foreach(p RANGE ${last_population})
  string(JSON concepts LENGTH "${report}" populations ${p} concepts)
  math(EXPR last_concept "${concepts} - 1")
  foreach(c RANGE ${last_concept})
    string(JSON subsets LENGTH "${report}" populations ${p} concepts ${c} subsets)
    if(subsets EQUAL 0)
      continue()
    endif()
    string(JSON iterations GET "${report}" populations ${p} concepts ${c} subsets 0 convergence iterations)
    list(APPEND lengths ${iterations})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES lengths)
list(LENGTH lengths distinct)
list(FIND lengths 40 unextended)
if(distinct LESS 2 OR unextended EQUAL -1)
  message(FATAL_ERROR "the concept run should leave some cells at 40 iterations and continue others; lengths: ${lengths}")
endif()

# --threads takes a whole number from 1.
foreach(bad 0 -1 two 1.5 99999)
  expect_run(2 ${SHOAL} color ${color_files} --threads ${bad})
  expect_contains("${last_err}" "--threads expects a whole number from 1 to 1024, got '${bad}'")
endforeach()
