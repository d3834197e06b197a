// CloudFront Function (viewer request): sends "/" to the visitor's language and maps directory URLs to their index.html.
// Runs on CloudFront's cloudfront-js-2.0 runtime: plain JavaScript, no imports, no Node APIs, small and fast.
// The two lines below are replaced at synth with the languages of content/site.json (infra/lib/edge-function.ts).
var LANGUAGES = ['en'];
var DEFAULT_LANGUAGE = 'en';

// Accept-Language is viewer input: only this many entries are read, so a huge header costs nothing.
var MAX_PREFERENCES = 16;

/**
 * The visitor's preferred site language, from an Accept-Language value such as "ja,en-US;q=0.8,en;q=0.5".
 * Preferences are tried in q order (ties keep header order); each matches a site language by its first
 * subtag, so ar-EG is ar, pt-BR would be pt, and zh-TW, zh-HK and zh-Hant are zh (the site's Chinese is
 * Simplified: closer for a Traditional reader than falling back to English). q=0 means "not this one".
 * "*" or nothing that matches gives the default language.
 */
function preferredLanguage(header) {
  if (!header) return DEFAULT_LANGUAGE;
  var parts = String(header).split(',');
  var preferences = [];
  for (var i = 0; i < parts.length && i < MAX_PREFERENCES; i++) {
    var fields = parts[i].split(';');
    var tag = fields[0].trim().toLowerCase();
    if (!tag) continue;
    var q = 1;
    for (var j = 1; j < fields.length; j++) {
      var param = fields[j].trim().toLowerCase();
      if (param.indexOf('q=') === 0) {
        q = parseFloat(param.slice(2));
        if (!(q >= 0)) q = 0;
      }
    }
    if (q > 0) preferences.push({ tag: tag, q: q, order: i });
  }
  preferences.sort((a, b) => b.q - a.q || a.order - b.order);
  for (var k = 0; k < preferences.length; k++) {
    var wanted = preferences[k].tag;
    if (wanted === '*') return DEFAULT_LANGUAGE;
    var primary = wanted.split('-')[0];
    for (var l = 0; l < LANGUAGES.length; l++) {
      if (primary === LANGUAGES[l]) return LANGUAGES[l];
    }
  }
  return DEFAULT_LANGUAGE;
}

/** The query string as the viewer sent it (CloudFront hands it over parsed), "" when there is none. */
function queryString(querystring) {
  var pairs = [];
  for (var key in querystring) {
    var entry = querystring[key];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var i = 0; i < values.length; i++) pairs.push(values[i].value === '' ? key : key + '=' + values[i].value);
  }
  return pairs.length > 0 ? '?' + pairs.join('&') : '';
}

function redirect(statusCode, location, headers) {
  var response = {
    statusCode: statusCode,
    statusDescription: statusCode === 301 ? 'Moved Permanently' : 'Found',
    headers: { location: { value: location } },
  };
  for (var name in headers) response.headers[name] = { value: headers[name] };
  return response;
}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the top-level handler by name
function handler(event) {
  var request = event.request;
  var uri = request.uri;

  // The root: the visitor's language, decided per request (never cached: function answers are not).
  if (uri === '/') {
    var header = request.headers['accept-language'];
    var language = preferredLanguage(header ? header.value : '');
    return redirect(302, '/' + language + '/' + queryString(request.querystring), {
      'cache-control': 'private, no-store',
      vary: 'Accept-Language',
    });
  }

  // Pages are folders with an index.html (Astro's directory format); S3 has no index documents of its own.
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }

  // "/en/zones" → "/en/zones/": every page URL ends with a slash (trailingSlash: 'always'); files have a dot.
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    return redirect(301, uri + '/' + queryString(request.querystring), {});
  }
  return request;
}
