# shellcheck shell=bash
# Installs Azurite (the Azure Storage emulator) from the npm registry into .tools/azurite of the project (never
# globally) and exports AZURITE_BIN, its launcher. Source it from the project's root; then call install_azurite.
#
# Nothing that cannot be installed fails the caller: without npm or the registry it warns, and what needs Azurite
# skips (tests) or uses the file system instead (benchmarks).
install_azurite() {
  local azurite_dir=.tools/azurite
  local azurite_bin=$azurite_dir/node_modules/.bin/azurite
  if [[ ! -x $azurite_bin ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "warning: npm not found; Azurite is not installed, so what needs it skips or uses files" >&2
      return 0
    fi
    echo "Installing Azurite into $azurite_dir (npm install azurite@3)"
    mkdir -p "$azurite_dir"
    if ! npm install --prefix "$azurite_dir" --no-audit --no-fund azurite@3; then
      echo "warning: npm install azurite@3 failed; what needs Azurite skips or uses files" >&2
      return 0
    fi
  fi
  if [[ -x $azurite_bin ]]; then
    AZURITE_BIN=$PWD/$azurite_bin
    export AZURITE_BIN
    echo "Azurite: $AZURITE_BIN"
  else
    echo "warning: $azurite_bin is missing after npm install; what needs Azurite skips or uses files" >&2
  fi
}
