// The review page's loader, a classic script. Chromium refuses ES modules on
// file:// pages (the page's origin is null), but it runs modules made from
// Blob URLs. review-data.js (written by `pathwayc review`) gives every module
// source in window.PATHWAY_MODULES; this script turns each into a blob module,
// rewriting its relative imports to the blob URLs of its dependencies
// (dependencies first), and imports review.js. Served over http(s) without
// PATHWAY_MODULES, it imports ./review.js directly.
(function () {
  'use strict';
  performance.mark('pw-start');
  const sources = window.PATHWAY_MODULES || null;
  const urls = {};

  function dirOf(name) {
    const slash = name.lastIndexOf('/');
    return slash < 0 ? '' : name.slice(0, slash + 1);
  }
  function resolve(from, spec) {
    const parts = (dirOf(from) + spec).split('/');
    const out = [];
    for (const part of parts) {
      if (part === '.' || part === '') continue;
      if (part === '..') out.pop(); else out.push(part);
    }
    return out.join('/');
  }
  const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;
  function urlOf(name, visiting) {
    if (urls[name]) return urls[name];
    if (!Object.prototype.hasOwnProperty.call(sources, name)) return null;
    if (visiting.has(name)) throw new Error('the page\'s modules import each other in a cycle through ' + name);
    visiting.add(name);
    const text = sources[name].replace(IMPORT, (all, head, quote, spec) => {
      const dep = resolve(name, spec);
      const url = urlOf(dep, visiting);
      if (url === null) throw new Error(name + ' imports ' + spec + ', which the page does not have');
      return head + quote + url + quote;
    });
    visiting.delete(name);
    urls[name] = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    return urls[name];
  }

  // The URL of one of the page's modules by its name ('runtime/index.js'),
  // or null when the page lacks it.
  window.PATHWAY_MODULE_URL = function (name) {
    if (sources === null) return new URL(name, document.baseURI).href;
    return urlOf(name, new Set());
  };

  function fail(error) {
    const box = document.getElementById('fatal');
    if (box) {
      box.hidden = false;
      box.textContent = 'The review page could not start: ' + (error && error.message ? error.message : String(error));
    }
    console.error(error);
  }
  try {
    import(window.PATHWAY_MODULE_URL('review.js')).then((m) => m.start()).catch(fail);
  } catch (error) {
    fail(error);
  }
})();
