# Runs `shoal prompts` and `shoal replies` as a user would: exit statuses,
# messages, and a small round trip through `shoal color`. Invoked by ctest
# with SHOAL, SHARED and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/../cli/run_helpers.cmake)

expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal prompts color|concept")
expect_contains("${last_out}" "shoal replies REQUESTS RESULTS")
expect_run(0 ${SHOAL} prompts --help)
foreach(option --model --condition --personas --persona-as --individuals --temperature --seed --words --concepts
               --wording --out)
  expect_contains("${last_out}" "${option}")
endforeach()
expect_run(0 ${SHOAL} replies --help)
expect_contains("${last_out}" "no_answer")

# Usage mistakes: exit status 2 and the reason.
expect_run(2 ${SHOAL} prompts --model m)
expect_contains("${last_err}" "color or concept")
expect_run(2 ${SHOAL} prompts color)
expect_contains("${last_err}" "model (the model every request goes to) is required")
expect_run(2 ${SHOAL} prompts colors --model m)
expect_contains("${last_err}" "task must be color or concept, got 'colors'")
expect_run(2 ${SHOAL} prompts color --model m --individuals 1000001)
expect_contains("${last_err}" "individuals (simulated individuals, 0 for the default) must be a whole number from 0 to 1000000, got '1000001'")
expect_run(2 ${SHOAL} prompts color --model m --temperature 100.5)
expect_contains("${last_err}" "temperature (the sampling temperature) must be a number from 0 to 100, got '100.5'")
expect_run(2 ${SHOAL} prompts color --model m --condition persona)
expect_contains("${last_err}" "none, identity, random or nonsense")
expect_run(2 ${SHOAL} prompts concept --model m --condition nonsense)
expect_contains("${last_err}" "persona file")
expect_run(2 ${SHOAL} prompts color --model m --concepts animals)
expect_contains("${last_err}" "wording and concepts are settings of the concept task")
expect_run(2 ${SHOAL} prompts concept --model m --concepts "a,b")
expect_contains("${last_err}" "at least 3")
expect_run(2 ${SHOAL} prompts concept --model m --seed 4294967296)
expect_contains("${last_err}" "got '4294967296'")
expect_run(2 ${SHOAL} prompts color --model m --persona-as assistant)
expect_run(2 ${SHOAL} replies ${WORK}/only-one.jsonl)

# Bad files: exit status 1, naming the file and the place.
set(personas "${SHARED}/paper-data/color-task/persona-prompts.csv")
expect_run(2 ${SHOAL} prompts color --model m --condition identity --personas ${personas} --individuals 151)
expect_contains("${last_err}" "has 150 rows")
expect_run(1 ${SHOAL} prompts color --model m --condition identity --personas ${WORK}/absent.csv)
expect_contains("${last_err}" "absent.csv")
file(WRITE ${WORK}/words.txt "apple\nsky\napple\n")
expect_run(1 ${SHOAL} prompts color --model m --words ${WORK}/words.txt)
expect_contains("${last_err}" "words.txt")
expect_contains("${last_err}" "'apple' is listed twice")

# The paper's design, counted on standard error and in the file.
expect_run(0 ${SHOAL} prompts concept --model m --concepts politicians --condition identity --personas
           "${SHARED}/paper-data/concept-task/persona-prompts.csv" --individuals 20 --out ${WORK}/concept.jsonl)
expect_contains("${last_err}" "1440 requests for 20 individuals")
file(STRINGS ${WORK}/concept.jsonl concept_lines)
list(LENGTH concept_lines concept_count)
if(NOT concept_count EQUAL 1440)
  message(FATAL_ERROR "expected 20 × 36 × 2 = 1440 concept requests, found ${concept_count}")
endif()

# Round trip: requests, replies naming a fixed colour inside a sentence (one
# failed), the llm-wide file, and the colour analysis of it.
file(WRITE ${WORK}/words.txt "apple\nsky\ngrief\n")
expect_run(0 ${SHOAL} prompts color --model toy --words ${WORK}/words.txt --individuals 4 --temperature 1.5
           --out ${WORK}/color.jsonl)
file(STRINGS ${WORK}/color.jsonl request_lines)
set(results "")
set(index 0)
foreach(line IN LISTS request_lines)
  string(JSON id GET "${line}" custom_id)
  if(index EQUAL 0)
    string(APPEND results "{\"custom_id\":\"${id}\",\"response\":{\"status_code\":503,\"body\":{}},\"error\":null}\n")
  else()
    string(APPEND results "{\"custom_id\":\"${id}\",\"content\":\"My colour is #3366cc, calm.\"}\n")
  endif()
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE ${WORK}/color-results.jsonl "${results}")
expect_run(0 ${SHOAL} replies ${WORK}/color.jsonl ${WORK}/color-results.jsonl --out ${WORK}/color.csv
           --problems ${WORK}/problems.csv)
expect_contains("${last_err}" "24 requests, 24 result lines: 23 replies with text, 12 rows written")
expect_contains("${last_err}" "failed     1")
file(READ ${WORK}/problems.csv problems)
expect_contains("${problems}" "failed,color/none/1.5/0/1/apple,1,status 503")
expect_run(0 ${SHOAL} color ${WORK}/color.csv --quiet --bootstrap 0 --out ${WORK}/color.json)
file(READ ${WORK}/color.json report)
string(JSON name GET "${report}" populations 0 name)
string(JSON format GET "${report}" inputs 0 format)
string(JSON valid GET "${report}" populations 0 responses valid)
string(JSON invalid GET "${report}" populations 0 responses invalid)
string(JSON individuals GET "${report}" populations 0 individuals)
string(JSON words GET "${report}" populations 0 words_analysed)
string(JSON distance GET "${report}" populations 0 dist_from_diagonal mean)
if(NOT name STREQUAL "toy prompt=none temp=1.5" OR NOT format STREQUAL "llm-wide" OR NOT valid EQUAL 23
   OR NOT invalid EQUAL 1 OR NOT individuals EQUAL 4 OR NOT words EQUAL 3 OR NOT distance EQUAL 0)
  message(FATAL_ERROR "unexpected colour report: ${name} ${format} valid=${valid} invalid=${invalid} "
                      "individuals=${individuals} words=${words} distance=${distance}")
endif()

# Results that are not JSON Lines: exit status 1 with file and line.
file(WRITE ${WORK}/broken.jsonl "{\"custom_id\": \"x\", \"content\": \"#000000\"}\nnot json\n")
expect_run(1 ${SHOAL} replies ${WORK}/color.jsonl ${WORK}/broken.jsonl --out ${WORK}/broken.csv)
expect_contains("${last_err}" "broken.jsonl")
expect_contains("${last_err}" "2")
