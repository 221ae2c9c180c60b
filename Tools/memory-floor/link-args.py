"""Prints, one per line, the arguments SwiftPM links PRODUCT with in a release build (read from
the llbuild manifest MANIFEST, e.g. .build/release.yaml), without the "-o PATH" pair, so that
run.sh can link the same object files again with other flags."""
import json, sys

manifest, product = sys.argv[1], sys.argv[2]
describing = False
for line in open(manifest):
    stripped = line.strip()
    if stripped.startswith("description:"):
        describing = stripped.endswith(f'/release/{product}"')
    elif describing and stripped.startswith("args:"):
        args = json.loads(stripped[len("args:"):])
        out = args.index("-o")
        print("\n".join(args[:out] + args[out + 2:]))
        sys.exit(0)
sys.exit(f"no link command for {product} in {manifest}")
