# shellcheck shell=bash
# Selects a JDK >= 21 for the project's scripts. Source it; do not run it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/jdk.sh"
#
# Honours JAVA_HOME when it points at a JDK >= 21. Otherwise it searches /usr/lib/jvm/*,
# other common install locations and the `java` on PATH, and picks the newest JDK >= 21.
# On success it exports JAVA_HOME, JDK_VERSION (e.g. 25.0.1) and JDK_MAJOR (25) and puts
# $JAVA_HOME/bin first on PATH. Otherwise it prints
#   needs a JDK >= 21; found: ...; install one or set JAVA_HOME
# and the `source` fails (so a caller running with `set -e` stops there).
# JDK_MIN_VERSION overrides the minimum major version (default 21).

# Prints the full version of the JDK at $1 (e.g. 25.0.1, 21, 1.8.0_292), or fails.
# Reads $1/release first (JAVA_VERSION="25.0.1"), else asks `$1/bin/java -version`.
jdk_version_of() {
  local home=$1 version=
  if [[ -r $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "$home/release" 2>/dev/null | head -n 1)
  fi
  if [[ -z $version && -x $home/bin/java ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1)
  fi
  [[ -n $version ]] || return 1
  printf '%s\n' "$version"
}

# Prints the major version of a version string: 25.0.1 -> 25, 21 -> 21, 22-ea -> 22, 1.8.0_292 -> 8.
jdk_major_of() {
  local version=$1 major
  if [[ $version == 1.* ]]; then
    version=${version#1.}
  fi
  major=${version%%[!0-9]*}
  [[ -n $major ]] || return 1
  printf '%s\n' "$major"
}

# Candidate JDK homes, one a line (may contain duplicates and non-JDKs; they are filtered later).
jdk_candidates() {
  local dir java_bin
  if [[ -n ${JAVA_HOME:-} ]]; then
    printf '%s\n' "$JAVA_HOME"
  fi
  for dir in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
             /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
             /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
             /Library/Java/JavaVirtualMachines/*/Contents/Home \
             "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
             "${HOME:-/nonexistent}"/.jdks/* \
             "${HOME:-/nonexistent}"/.asdf/installs/java/*; do
    [[ -d $dir ]] && printf '%s\n' "$dir"
  done
  if java_bin=$(command -v java 2>/dev/null); then
    # /usr/bin/java -> /etc/alternatives/java -> /usr/lib/jvm/<jdk>/bin/java
    java_bin=$(readlink -f "$java_bin" 2>/dev/null || printf '%s' "$java_bin")
    printf '%s\n' "$(dirname "$(dirname "$java_bin")")"
  fi
  if [[ -x /usr/libexec/java_home ]]; then  # macOS
    /usr/libexec/java_home 2>/dev/null || true
  fi
}

jdk_select() {
  local min=${JDK_MIN_VERSION:-21}
  local home real version='' major best_home='' best_version='' found=()
  local -A seen=()

  # An explicit JAVA_HOME that is good enough wins, even if a newer JDK exists.
  if [[ -n ${JAVA_HOME:-} ]]; then
    if [[ -x $JAVA_HOME/bin/java && -x $JAVA_HOME/bin/javac ]] \
        && version=$(jdk_version_of "$JAVA_HOME") && major=$(jdk_major_of "$version") \
        && (( major >= min )); then
      best_home=$JAVA_HOME
      best_version=$version
    else
      echo "note: JAVA_HOME=$JAVA_HOME is not a JDK >= $min (${version:-unknown version}); looking for another" >&2
    fi
  fi

  if [[ -z $best_home ]]; then
    while IFS= read -r home; do
      [[ -n $home ]] || continue
      real=$(cd "$home" 2>/dev/null && pwd -P) || continue
      [[ -z ${seen[$real]:-} ]] || continue
      seen[$real]=1
      [[ -x $real/bin/java ]] || continue
      version=$(jdk_version_of "$real") || continue
      major=$(jdk_major_of "$version") || continue
      if [[ ! -x $real/bin/javac ]]; then
        found+=("$real ($version, no javac)")
        continue
      fi
      found+=("$real ($version)")
      (( major >= min )) || continue
      # Newest wins: compare full versions with sort -V.
      if [[ -z $best_version ]] \
          || [[ $(printf '%s\n%s\n' "$best_version" "$version" | sort -V | tail -n 1) == "$version" \
                && $version != "$best_version" ]]; then
        best_home=$real
        best_version=$version
      fi
    done < <(jdk_candidates)
  fi

  if [[ -z $best_home ]]; then
    local list="none"
    if (( ${#found[@]} > 0 )); then
      list=$(printf '%s, ' "${found[@]}")
      list=${list%, }
    fi
    echo "error: needs a JDK >= $min; found: $list; install one or set JAVA_HOME" >&2
    return 1
  fi

  JAVA_HOME=$best_home
  JDK_VERSION=$best_version
  JDK_MAJOR=$(jdk_major_of "$best_version")
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME JDK_VERSION JDK_MAJOR PATH

  # Maven 3.8/3.9 libraries call sun.misc.Unsafe, which JDK 24+ warns about on every run.
  if (( JDK_MAJOR >= 24 )) && [[ ${MAVEN_OPTS:-} != *--sun-misc-unsafe-memory-access* ]]; then
    MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
    export MAVEN_OPTS
  fi
}

if ! jdk_select; then
  # `return` when sourced (the normal case), `exit` when someone runs the file directly.
  # shellcheck disable=SC2317  # reached only when the file is executed, not sourced
  return 1 2>/dev/null || exit 1
fi
