#!/usr/bin/env bash
# Installs what Shoal needs and is missing on a Debian 12 machine: the C++
# toolchain, Emscripten and the libraries from Debian's packages.
set -euo pipefail

missing=()
have_command() { command -v "$1" >/dev/null 2>&1; }
have_command cmake || missing+=(cmake)
have_command g++ || missing+=(g++)
have_command make || missing+=(make)
have_command em++ || missing+=(emscripten)
have_command node || missing+=(nodejs)
[ -e /usr/include/eigen3/Eigen/Dense ] || missing+=(libeigen3-dev)
[ -e /usr/include/nlohmann/json.hpp ] || missing+=(nlohmann-json3-dev)
[ -e /usr/include/doctest/doctest.h ] || missing+=(doctest-dev)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
