# The generated example populations must show the diversity they were built
# with (see examples/make_examples.cpp), invalid replies must be counted, and
# the alignment comparison must find the aligned models less diverse.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${MAKE_EXAMPLES} ${WORK} 7 RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make_examples failed")
endif()

# A number in [0, 100) from its JSON text, truncated to a whole number.
function(whole_number text out)
  string(REGEX REPLACE "\\..*" "" whole "${text}")
  set(${out} ${whole} PARENT_SCOPE)
endfunction()
# A probability in [0, 1] from its JSON text, as whole percent.
function(percent text out)
  if(text MATCHES "^1(\\.0*)?$")
    set(${out} 100 PARENT_SCOPE)
  elseif(text MATCHES "^0\\.([0-9])([0-9]?)")
    math(EXPR value "${CMAKE_MATCH_1} * 10 + 0${CMAKE_MATCH_2}")
    set(${out} ${value} PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()

function(analyse task out)
  file(GLOB files ${WORK}/${task}/*.csv)
  execute_process(COMMAND ${SHOAL} ${task} ${files} ${ARGN} --quiet --out ${WORK}/${task}.json RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "shoal ${task} failed on the examples")
  endif()
  file(READ ${WORK}/${task}.json report)
  string(JSON count LENGTH "${report}" populations)
  if(NOT count EQUAL 5)
    message(FATAL_ERROR "expected 5 ${task} populations, found ${count}")
  endif()
  set(${out} "${report}" PARENT_SCOPE)
endfunction()

# The alignment model of the first metric: fitted, with a negative effect.
function(expect_alignment_effect report)
  string(JSON model GET "${report}" comparisons models 0)
  string(JSON name GET "${model}" name)
  string(JSON status GET "${model}" status)
  string(JSON term GET "${model}" reml fixed 1 term)
  string(JSON estimate GET "${model}" reml fixed 1 estimate)
  if(NOT name STREQUAL "alignment" OR NOT status STREQUAL "fitted" OR NOT term STREQUAL "aligned"
     OR NOT estimate MATCHES "^-")
    message(FATAL_ERROR "expected a fitted alignment model with a negative effect, got ${model}")
  endif()
endfunction()

# Checks one number per population by the first rule whose pattern its name
# matches. A rule is "PATTERN:LOW:HIGH" or "PATTERN:LOW:HIGH:counted": the
# number, read at `path` and turned into whole units by `unit` (whole_number
# or percent), lies in [LOW, HIGH], and with `counted` the population's
# count at `counted_path` (empty: none) is above 0: replies without an
# answer were seen.
function(expect_per_population report what path unit counted_path)
  foreach(i RANGE 4)
    string(JSON name GET "${report}" populations ${i} name)
    string(JSON text GET "${report}" populations ${i} ${path})
    set(counted "")
    if(counted_path)
      string(JSON counted GET "${report}" populations ${i} ${counted_path})
    endif()
    cmake_language(CALL ${unit} "${text}" value)
    message(STATUS "${what} ${name}: ${text} ${counted}")
    foreach(rule ${ARGN})
      string(REPLACE ":" ";" parts "${rule}")
      list(GET parts 0 pattern)
      if(NOT name MATCHES "${pattern}")
        continue()
      endif()
      list(GET parts 1 low)
      list(GET parts 2 high)
      list(LENGTH parts length)
      if(value LESS low OR value GREATER high OR (length EQUAL 4 AND counted EQUAL 0))
        message(FATAL_ERROR "${what} of ${name}: expected ${low} to ${high} (${unit}) and, if so ruled, "
                            "answerless replies; got ${text} and ${counted}")
      endif()
      break()
    endforeach()
  endforeach()
endfunction()

# Colour: humans far below the diagonal, the aligned toy models near it with
# some invalid replies, the base ones in between.
analyse(color report)
expect_alignment_effect("${report}")
expect_per_population("${report}" "colour distance from diagonal" "dist_from_diagonal;mean" whole_number
                      "responses;invalid" "^human$:20:1000" "^toy-.-chat:0:2:counted" "^toy-.-base:5:19")

# Similarity: P(multiple concepts) near 0.70 for humans, 0.42 and 0.62 for
# the base models, 0 and 0.18 for the aligned ones.
analyse(concept report --chains 2)
expect_alignment_effect("${report}")
expect_per_population("${report}" "concept P(multiple concepts)" "mean_p_multiple_concepts" percent
                      "" "^human$:60:78" "^toy-a-chat:0:10" "^toy-a-base:32:52"
                      "^toy-b-chat:8:30" "^toy-b-base:50:72")
string(JSON issues GET "${report}" input_issues)
if(NOT issues MATCHES "invalid_reply")
  message(FATAL_ERROR "the base-like example's invalid replies were not counted")
endif()

# Numeric estimates, on the default pooled-SD scale: humans far from the
# diagonal, the base models in between with missing answers, the aligned
# ones near it.
analyse(values report)
expect_alignment_effect("${report}")
expect_per_population("${report}" "values distance from diagonal" "dist_from_diagonal;mean" percent
                      "responses;invalid" "^humans$:50:100" "^toy-.-chat:0:9" "^toy-.-base:15:60:counted")

# The Likert questionnaire (generic format, five options): P(multiple
# concepts) near the weights' 1 - Σ w², as for the similarity judgements.
file(GLOB likert_files ${WORK}/likert/*.csv)
execute_process(COMMAND ${SHOAL} concept ${likert_files} --quiet --out ${WORK}/likert.json RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "shoal concept failed on the Likert example")
endif()
file(READ ${WORK}/likert.json report)
string(JSON format GET "${report}" inputs 0 format)
if(NOT format STREQUAL "generic")
  message(FATAL_ERROR "the Likert example should be read as the generic format, got ${format}")
endif()
expect_alignment_effect("${report}")
expect_per_population("${report}" "likert P(multiple concepts)" "mean_p_multiple_concepts" percent
                      "" "^humans$:55:80" "^toy-a-chat:0:10" "^toy-b-base:45:75")
