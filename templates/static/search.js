// The search page: a small interface over Pagefind's JavaScript API (the bundles the build writes
// under pagefind/<lang>/<shard>/). Arabic query words are reduced to their search form, as the index's hidden
// search forms are (digest/search.py: search_key), so ال and hamza/ta marbuta/alif maqsura
// variants find each other. Results come only from this page's language: Pagefind keeps one
// index per <html lang>.

const FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي" };
const DROP = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]/g;
const ARTICLE = ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ال"];
const ARABIC = /[\u0600-\u06ff]/;
const LIMIT = 30;

export function searchKey(word) {
  const text = [...word.normalize("NFC").replace(DROP, "")].map((c) => FOLD[c] || c).join("");
  if (text.startsWith("لل") && text.length > 4) return text.slice(2);
  for (const prefix of ARTICLE) {
    if (text.startsWith(prefix) && text.length - prefix.length >= 2) return text.slice(prefix.length);
  }
  return text;
}

export function searchQuery(query) {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (ARABIC.test(word) ? searchKey(word) : word))
    .join(" ");
}

function excerptNode(html) {
  // Only text and <mark> are kept from Pagefind's excerpt HTML.
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const out = document.createElement("p");
  out.className = "search__excerpt";
  out.dir = "auto";
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

function resultItem(data, formsId) {
  const item = document.createElement("li");
  item.className = "search__result";
  const link = document.createElement("a");
  link.href = data.url;
  link.dir = "auto";
  link.textContent = data.meta.title || data.url;
  const heading = document.createElement("h2");
  heading.append(link);
  item.append(heading);
  // The excerpt of a section the reader can see; a match only in the hidden search forms
  // shows the article's summary instead.
  const seen = (data.sub_results || []).find((sub) => !sub.url.endsWith(`#${formsId}`));
  if (seen) {
    item.append(excerptNode(seen.excerpt));
  } else if (data.meta.summary) {
    const summary = document.createElement("p");
    summary.className = "search__excerpt";
    summary.dir = "auto";
    summary.textContent = data.meta.summary;
    item.append(summary);
  }
  return item;
}

function fillFilter(select, counts, lang) {
  const values = Object.keys(counts || {}).sort((a, b) => a.localeCompare(b, lang));
  for (const value of values) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
}

async function start() {
  const form = document.getElementById("search-form");
  if (!form) return;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const input = form.elements.q;
  const selects = [...form.querySelectorAll("select[data-filter]")];
  const lang = document.documentElement.lang;
  const numbers = new Intl.NumberFormat(lang, { numberingSystem: form.dataset.digits || "latn" });
  let pagefind;
  try {
    // One bundle per shard of this edition's articles: the first is loaded, the others merged
    // into it, and Pagefind ranks their results together.
    const [first, ...others] = (form.dataset.bundles || "").split(" ").filter(Boolean);
    if (!first) throw new Error("no search index");
    pagefind = await import(`${first}pagefind.js`);
    await pagefind.options({ baseUrl: form.dataset.base });
    for (const other of others) {
      try {
        await pagefind.mergeIndex(other, { baseUrl: form.dataset.base });
      } catch {
        // A shard missing from an index left stale by --no-search: search the others.
      }
    }
    const filters = await pagefind.filters();
    for (const select of selects) fillFilter(select, filters[select.dataset.filter], lang);
  } catch {
    status.textContent = form.dataset.unavailable;
    return;
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) select.value = params.get(select.name) || "";

  let latest = 0;
  async function run() {
    const ticket = ++latest;
    const query = searchQuery(input.value.trim());
    const chosen = {};
    for (const select of selects) if (select.value) chosen[select.dataset.filter] = select.value;
    const url = new URL(location.href);
    url.search = "";
    if (input.value.trim()) url.searchParams.set("q", input.value.trim());
    for (const [name, value] of Object.entries(chosen)) url.searchParams.set(name, value);
    history.replaceState(null, "", url);
    if (!query && !Object.keys(chosen).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(query || null, { filters: chosen });
    const found = await Promise.all(search.results.slice(0, LIMIT).map((result) => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...found.map((data) => resultItem(data, form.dataset.forms)));
    status.textContent = search.results.length
      ? form.dataset.count.replace("{count}", numbers.format(search.results.length))
      : form.dataset.none;
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  for (const select of selects) select.addEventListener("change", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.dataset.ready = "true"; // handlers attached: typing now searches in place
  if (input.value || selects.some((select) => select.value)) run();
}

start();
