// Starts the content editor with the configuration generated from the content schemas, in Vietnamese or English.
(async () => {
  const response = await fetch('/admin/config.json', { cache: 'no-store' });
  const config = await response.json();
  // ?lang=vi or ?lang=en chooses; otherwise the browser's first language the editor speaks, English when neither.
  const asked = new URLSearchParams(window.location.search).get('lang');
  const preferred = [asked, ...(navigator.languages ?? [navigator.language])].find((tag) => tag && /^(vi|en)\b/i.test(tag));
  config.locale = preferred?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  // The translation widgets and the checks before each save (editor.js), in the same language as the editor.
  window.investEditor.start(config, config.locale);
  window.CMS.init({ config });
})();
