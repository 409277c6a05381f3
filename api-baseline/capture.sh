#!/usr/bin/env bash
# Captures the API baseline: copies the exported packages of every bundle that exports one, as built in target/,
# into this folder as a Maven repository (version 0.0.0-baseline), with Bundle-Version 0.0.0 so that only the
# packages are judged.
# The build then compares each bundle's exported packages with this baseline (bnd-baseline-maven-plugin): a change
# to a package without the version bump it needs (micro, minor, major) fails the build.
# Run it from the repository root after 'mvn -B -DskipTests install', only when an API change is intended and its
# package versions are bumped: a major bump also needs a new baseline, by design (a breaking change is a decision).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
modules=(platform/web-api platform/accounts-api platform/database platform/registry-model platform/registry-api platform/jobs-api
  platform/registry platform/program-api platform/program-declaration platform/programs kit/plugin-testkit)
for module in "${modules[@]}"; do
  artifact=$(sed -n 's#.*<artifactId>\(\(org\.fupin\|fupin-\)[^<]*\)</artifactId>.*#\1#p' "$module/pom.xml" | sed -n 2p)
  jar=$(ls "$module"/target/"$artifact"-*.jar | grep -v -- '-tests.jar$' | head -n 1)
  dir=api-baseline/org/fupin/$artifact/0.0.0-baseline
  mkdir -p "$dir"
  python3 - "$jar" "$dir/$artifact-0.0.0-baseline.jar" <<'PY'
import re, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
def exported(manifest):
    unfolded = manifest.replace("\r\n ", "").replace("\n ", "")
    header = re.search(r"(?m)^Export-Package: (.*)$", unfolded).group(1)
    # package names are the clauses' first parts; attributes may hold quoted commas
    return {clause.split(";")[0].strip() for clause in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', header)}

with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
    # only the manifest and the exported packages: all the baseline compares
    packages = {p.replace(".", "/") for p in exported(src.read("META-INF/MANIFEST.MF").decode("utf-8"))}
    for item in src.infolist():
        folder = item.filename.rsplit("/", 1)[0] if "/" in item.filename else ""
        if item.filename != "META-INF/MANIFEST.MF" and (item.is_dir() or folder not in packages):
            continue
        data = src.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            # the version is short enough to sit on one manifest line: replace that line only
            text = re.sub(r"(?m)^Bundle-Version: [^\r\n]*", "Bundle-Version: 0.0.0", data.decode("utf-8"))
            data = text.encode("utf-8")
        out.writestr(item, data)
PY
  cat > "$dir/$artifact-0.0.0-baseline.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.fupin</groupId>
  <artifactId>$artifact</artifactId>
  <version>0.0.0-baseline</version>
  <description>API baseline of $artifact (api-baseline/capture.sh)</description>
</project>
POM
  # Maven keeps its own copy of what it read from here: refresh it, or the build compares with the old baseline
  cached="${HOME}/.m2/repository/org/fupin/$artifact/0.0.0-baseline"
  rm -rf "$cached"
  mkdir -p "$cached"
  cp "$dir"/*.jar "$dir"/*.pom "$cached"/
  echo "baseline: $artifact <- $jar"
done
