#!/bin/sh
# Builds a review directory by hand (before `pathwayc review` embeds the assets):
# DIR = $1; uses $PATHWAYC review for the data, then overwrites the assets and
# review-data.js's module table with this worktree's files.
set -e
here=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1; runtime=${2:-$here/bindings/js/src}
"${PATHWAYC:?}" review "$here/pathways/pt_failure.pw" -o "$dir"
cp "$here"/compiler/review/assets/* "$dir"/
mkdir -p "$dir/runtime"; cp "$runtime"/*.js "$dir/runtime/"
node -e '
const fs=require("fs"),path=require("path");const d=process.argv[1];
global.window={};(0,eval)(fs.readFileSync(d+"/review-data.js","utf8"));
const mods={};for(const f of fs.readdirSync(d))if(f.endsWith(".js")&&f!=="review-data.js")mods[f]=fs.readFileSync(path.join(d,f),"utf8");
for(const f of fs.readdirSync(d+"/runtime"))mods["runtime/"+f]=fs.readFileSync(path.join(d,"runtime",f),"utf8");
fs.writeFileSync(d+"/review-data.js","window.PATHWAY_REVIEW = "+JSON.stringify(window.PATHWAY_REVIEW)+";\nwindow.PATHWAY_MODULES = "+JSON.stringify(mods)+";\n");' "$dir"
