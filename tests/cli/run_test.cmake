# shoal run: a report and its analysis file run again give the report byte
# for byte; inputs are found beside the file, given as paths or in --inputs;
# a different or missing input is refused naming it and both hashes.
# Invoked by ctest with SHOAL and WORK defined.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/data ${WORK}/elsewhere)

include(${CMAKE_CURRENT_LIST_DIR}/run_helpers.cmake)

# Two small colour populations, three words, both blocks, in the plain format.
set(rows "population,individual,word,block,r,g,b\n")
foreach(population human model)
  foreach(individual 1 2 3)
    foreach(word sky grass fire)
      foreach(block 1 2)
        math(EXPR shade "(${individual} * 40 + ${block} * 7) % 256")
        string(LENGTH "${word}" length)
        math(EXPR red "(${length} * 50 + ${shade}) % 256")
        set(rows "${rows}${population},${individual},${word},${block},${red},${shade},90\n")
      endforeach()
    endforeach()
  endforeach()
endforeach()
set(name "it's a \$(test) file.csv")
file(WRITE "${WORK}/data/${name}" "${rows}")
file(WRITE ${WORK}/data/norms.csv "word,concreteness\nsky,3.1\ngrass,4.5\nfire,4.2\n")

expect_run(0 ${SHOAL} run --help)
expect_contains("${last_out}" "shoal run ANALYSIS.json [FILE...]")
expect_contains("${last_out}" "--inputs DIR")
expect_run(0 ${SHOAL} --help)
expect_contains("${last_out}" "shoal run ANALYSIS.json")

# The command's report, with settings off their defaults and a companion file.
expect_run(0 ${SHOAL} color "${WORK}/data/${name}" --word-norms ${WORK}/data/norms.csv --seed 11 --bootstrap 50
           --pairs paper --out ${WORK}/report.json)
set(command_summary "${last_err}")
file(READ ${WORK}/report.json report)
string(JSON kind GET "${report}" analysis_file analysis)
string(JSON seed GET "${report}" analysis_file settings seed)
string(JSON role GET "${report}" analysis_file inputs 1 role)
if(NOT kind STREQUAL "color" OR NOT seed STREQUAL "11" OR NOT role STREQUAL "word-norms")
  message(FATAL_ERROR "unexpected analysis_file: ${kind} ${seed} ${role}")
endif()
string(JSON analysis_file GET "${report}" analysis_file)
file(WRITE ${WORK}/data/analysis.json "${analysis_file}")

# The report itself, its inputs beside it: not there, so refused by name.
expect_run(1 ${SHOAL} run ${WORK}/report.json --out ${WORK}/again.json)
expect_contains("${last_err}" "the input 'it's a $(test) file.csv'")
expect_contains("${last_err}" "give it as a FILE or its directory as --inputs")
# With --inputs, and with the inputs given as paths: the same bytes, the same summary.
expect_run(0 ${SHOAL} run ${WORK}/report.json --inputs ${WORK}/data --out ${WORK}/again.json)
file(READ ${WORK}/again.json again)
if(NOT again STREQUAL report)
  message(FATAL_ERROR "shoal run REPORT.json --inputs DIR did not give the report byte for byte")
endif()
if(NOT last_err STREQUAL command_summary)
  message(FATAL_ERROR "shoal run printed another summary:\n${last_err}\nnot\n${command_summary}")
endif()
expect_run(0 ${SHOAL} run ${WORK}/report.json "${WORK}/data/${name}" ${WORK}/data/norms.csv --out ${WORK}/again.json)
file(READ ${WORK}/again.json again)
if(NOT again STREQUAL report)
  message(FATAL_ERROR "shoal run REPORT.json FILE... did not give the report byte for byte")
endif()
# The analysis file alone, its inputs beside it.
expect_run(0 ${SHOAL} run ${WORK}/data/analysis.json --out ${WORK}/again.json --quiet)
file(READ ${WORK}/again.json again)
if(NOT again STREQUAL report)
  message(FATAL_ERROR "shoal run ANALYSIS.json did not give the report byte for byte")
endif()

# Another file under the input's name: refused with both hashes.
file(WRITE "${WORK}/elsewhere/${name}" "${rows}population,9,sky,1,1,2,3\n")
file(SHA256 "${WORK}/elsewhere/${name}" wrong_hash)
string(JSON right_hash GET "${report}" inputs 0 sha256)
expect_run(1 ${SHOAL} run ${WORK}/data/analysis.json "${WORK}/elsewhere/${name}")
expect_contains("${last_err}" "${WORK}/elsewhere/${name}")
expect_contains("${last_err}" "${wrong_hash}")
expect_contains("${last_err}" "${right_hash}")
# An input the analysis does not name, and no analysis file at all.
expect_run(2 ${SHOAL} run ${WORK}/data/analysis.json ${WORK}/report.json)
expect_contains("${last_err}" "is not an input of")
expect_run(1 ${SHOAL} run ${WORK}/data/norms.csv)
expect_contains("${last_err}" "not JSON")
expect_run(2 ${SHOAL} run)
