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
# ${WORK}/TASK-1.json.
function(same_report_for_any_threads task files)
  foreach(threads 1 2 4)
    expect_run(0 ${SHOAL} ${task} ${files} ${ARGN} --threads ${threads} --out ${WORK}/${task}-${threads}.json)
    # Standard error is not a terminal here: the summary, never a progress line.
    string(FIND "${last_err}" "\r" carriage_return)
    string(FIND "${last_err}" " elapsed" elapsed)
    if(NOT carriage_return EQUAL -1 OR NOT elapsed EQUAL -1)
      message(FATAL_ERROR "${task} --threads ${threads} drew a progress line on a standard error that is no terminal")
    endif()
  endforeach()
  file(READ ${WORK}/${task}-1.json one)
  string(LENGTH "${one}" length)
  if(length LESS 1000)
    message(FATAL_ERROR "${task}: the report is too short to compare:\n${one}")
  endif()
  foreach(threads 2 4)
    file(READ ${WORK}/${task}-${threads}.json other)
    if(NOT one STREQUAL other)
      message(FATAL_ERROR "${task}: the report with --threads ${threads} differs from the one with --threads 1 "
                          "(${WORK}/${task}-${threads}.json, ${WORK}/${task}-1.json)")
    endif()
  endforeach()
endfunction()

file(GLOB color_files ${WORK}/color/*.csv)
file(GLOB values_files ${WORK}/values/*.csv)
same_report_for_any_threads(color "${color_files}" --bootstrap 200)
same_report_for_any_threads(values "${values_files}" --bootstrap 200)
# The generated concept examples cluster at once (every cell constant), so
# two of the paper's files, which do not: four chains of 40 iterations,
# continued up to 320, so that some cells pass early and others are
# continued once or more (and tempered when they stall).
set(llm ${SHARED}/paper-data/concept-task/llm-responses)
same_report_for_any_threads(concept "${llm}/openchat-prompt=random-temp=default.csv;${llm}/openchat-prompt=none-temp=default.csv"
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
