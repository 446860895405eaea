/// The style sheet, legend and script of the inspection page (inline: the page needs no other file).
enum InspectAssets {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,"Noto Sans CJK SC","Noto Sans SC",sans-serif;color:#222}
        .layout{display:grid;grid-template-columns:minmax(0,1fr) 400px;height:100vh}
        .doc{overflow:auto;padding:14px;background:#e9e9e9}
        .side{overflow:auto;border-left:1px solid #bbb;padding:10px 14px;background:#fafafa}
        h1{font-size:16px;margin:4px 0 8px}h2{font-size:14px;margin:14px 0 6px;border-bottom:1px solid #ddd}h3{font-size:13px}
        .muted{color:#777}.path{word-break:break-all}
        dl.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}dl.facts dt{color:#777}dl.facts dd{margin:0}
        .page{position:relative;margin:0 auto 18px;background:#fff;box-shadow:0 1px 5px #0005;max-width:980px}
        .page img{display:block;width:100%;height:auto}
        .pno{position:absolute;right:100%;top:0;margin-right:6px;font-size:11px;color:#777;white-space:nowrap}
        .box{cursor:pointer;border:1.5px solid #1f6fd1}
        .pbox{position:absolute;background:#1f6fd114}
        .tbox,.chip{border-radius:2px;padding:0 1px;background:#1f6fd114}
        .chip{display:inline-block;margin:1px 3px;font-size:12px;min-width:1.2em;text-align:center}
        td.tdbox{border:2px solid #1f6fd1;background:#1f6fd10d}
        .k-empty,.k-not_applicable{border-color:#8a8a8a;background:#8a8a8a14}
        .k-not_applicable{border-style:dashed}
        .k-text{border-color:#b35c00;background:#b35c0014}
        .k-inferred{border:2px dashed #e67e00;background:#ffb34740}
        .f-split{border:3px double #8e24aa;background:#8e24aa1c}
        .f-ocr{border-style:dotted;border-color:#00897b;background:#00897b1c}
        .f-fail{box-shadow:inset 0 -3px 0 #d32f2f}
        .box:hover,.box:focus{outline:2px solid #111;z-index:2}
        .box.sel{outline:3px solid #111;z-index:3}
        .box.hl{outline:3px solid #d32f2f;background:#ff525255;z-index:2}
        .text{background:#fff;padding:8px 10px;box-shadow:0 1px 5px #0003}
        .line{display:flex;gap:8px;align-items:baseline}
        .ln{color:#999;min-width:3.5em;text-align:right;font:12px ui-monospace,monospace;user-select:none;flex:none}
        .tx{white-space:pre-wrap;word-break:break-all}
        table.grid{border-collapse:collapse;margin:8px 0;background:#fff}
        table.grid td{border:1px solid #bbb;padding:2px 5px;font-size:13px;vertical-align:top}
        table.grid td.gap{background:#f3f3f3}
        .unplaced{margin-top:12px;background:#fff;padding:8px 10px}
        ul.checks,ul.diags{list-style:none;padding:0;margin:0}
        .chk,.diag{padding:3px 6px;margin:2px 0;border-radius:3px;cursor:pointer;border:1px solid transparent}
        .chk:hover,.diag:hover{border-color:#999}
        .chk.sel,.diag.sel{border-color:#d32f2f;background:#ffebee}
        .s-fail .st{color:#c62828;font-weight:bold}.s-pass .st{color:#2e7d32}.s-not_assessable .st{color:#777}
        .sev-error b{color:#c62828}.sev-warning b{color:#b35c00}.sev-note b{color:#555}
        .detail table{border-collapse:collapse;width:100%}.detail th{text-align:left;color:#777;font-weight:normal;padding-right:8px;vertical-align:top;white-space:nowrap}
        .detail td{word-break:break-word}.detail code{font-size:12px}
        .detail table.kv th{white-space:normal;word-break:break-all;width:72%}.detail table.kv td{white-space:nowrap}
        .legend span.box{display:inline-block;width:26px;height:14px;vertical-align:middle;margin-right:6px;cursor:default}
        .legend li{list-style:none;margin:3px 0}.legend ul{padding:0}
        """

    static let legend = """
        <section class="legend"><h2>Legend</h2><ul>
        <li><span class="box k-number"></span>a printed number (<code>number</code>)</li>
        <li><span class="box k-empty"></span>blank (<code>empty</code>: null, not zero)</li>
        <li><span class="box k-not_applicable"></span>"/", "-", "无" (<code>not_applicable</code>)</li>
        <li><span class="box k-text"></span>text that is not a number (<code>text</code>)</li>
        <li><span class="box k-inferred"></span>missing in the source, solved from the identities (<code>inferred</code>)</li>
        <li><span class="box f-split"></span>a run of digits split under the identities (<code>digits_split</code>)</li>
        <li><span class="box f-ocr"></span>read by OCR (<code>ocr_*</code> diagnostics)</li>
        <li><span class="box f-fail"></span>takes part in a failed check</li>
        <li><span class="box hl"></span>a cell of the selected check or diagnostic</li>
        </ul><p class="muted">URL fragments: <code>#check=I4.review</code> selects a check, <code>#cell=KEY</code> a cell. Esc clears.</p></section>
        """

    static let script = #"""
        (function () {
          "use strict";
          var D = JSON.parse(document.getElementById("nb-data").textContent);
          var boxes = Array.prototype.slice.call(document.querySelectorAll(".doc .box"));
          var byCell = {};
          boxes.forEach(function (e) { var i = +e.getAttribute("data-i"); (byCell[i] = byCell[i] || []).push(e); });
          var detail = document.getElementById("detail");
          var idle = detail.innerHTML;
          var pinned = null;
          function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; }); }
          function val(v) { return v === null || v === undefined ? "<i>null</i>" : esc(v); }
          function row(k, v) { return "<tr><th>" + k + "</th><td>" + v + "</td></tr>"; }
          function cellHTML(i) {
            var c = D.cells[i];
            var s = "<table>" + row("key", "<code>" + esc(c.key) + "</code>") +
              row("label", c.label ? esc(c.label) : "<i>not in the codebook</i>") +
              (c.table ? row("table", esc(c.table)) : "") +
              row("value", val(c.value)) + row("raw", c.raw === null ? "<i>null</i>" : "“" + esc(c.raw) + "”") +
              row("kind", "<code>" + esc(c.kind) + "</code>") + row("at", esc(c.at)) + "</table>" +
              (c.kind === "inferred" ? "<p class=\"muted\">Not printed in the source: the one value the identities allow. Its place is that of its row.</p>" : "");
            if (c.checks.length) {
              s += "<h3>Checks</h3><ul class=\"checks\">" + c.checks.map(function (k) {
                var x = D.checks[k];
                return "<li class=\"chk s-" + x.status + "\" data-k=\"" + k + "\"><b>" + esc(x.id) + "</b> <span class=\"st\">" + x.status + "</span></li>";
              }).join("") + "</ul>";
            }
            s += "<h3>Diagnostics of its row</h3>" + (c.diags.length ? "<ul class=\"diags\">" + c.diags.map(function (d) {
              var x = D.diags[d];
              return "<li class=\"diag sev-" + x.severity + "\" data-d=\"" + d + "\"><b>" + esc(x.code) + "</b> " + esc(x.message) + "</li>";
            }).join("") + "</ul>" : "<p class=\"muted\">none</p>");
            return s;
          }
          function checkHTML(k) {
            var x = D.checks[k];
            var s = "<table>" + row("check", "<b>" + esc(x.id) + "</b>") + row("status", "<span class=\"s-" + x.status + "\"><span class=\"st\">" + x.status + "</span></span>") +
              row("rule", esc(x.rule)) + row("lhs", val(x.lhs)) + row("rhs", val(x.rhs)) +
              (x.previous ? row("previous", esc(x.previous)) : "") + "</table><h3>Cells (" + x.cells.length + " of " + x.keys.length + " keys)</h3><table class=\"kv\">";
            x.keys.forEach(function (key) {
              var i = -1;
              for (var j = 0; j < x.cells.length; j++) { if (D.cells[x.cells[j]].key === key) { i = x.cells[j]; break; } }
              s += row("<code>" + esc(key) + "</code>", i < 0 ? "<i>absent</i>" : val(D.cells[i].value) + " <span class=\"muted\">" + esc(D.cells[i].kind) + "</span>");
            });
            return s + "</table>";
          }
          function clear(cls) { Array.prototype.slice.call(document.querySelectorAll("." + cls)).forEach(function (e) { e.classList.remove(cls); }); }
          function setHash(h) { if (history.replaceState) { history.replaceState(null, "", h ? "#" + h : location.pathname + location.search); } }
          function reveal(list) { if (list && list.length && list[0].scrollIntoView) { list[0].scrollIntoView({block: "center", inline: "nearest"}); } }
          function selectCell(i, scroll) {
            clear("sel"); clear("hl");
            pinned = {cell: i};
            (byCell[i] || []).forEach(function (e) { e.classList.add("sel"); });
            detail.innerHTML = cellHTML(i);
            document.body.setAttribute("data-selected-cell", D.cells[i].key);
            document.body.removeAttribute("data-selected-check");
            setHash("cell=" + D.cells[i].key);
            if (scroll) { reveal(byCell[i]); }
          }
          function highlight(cells) {
            var shown = [];
            cells.forEach(function (i) { (byCell[i] || []).forEach(function (e) { e.classList.add("hl"); shown.push(e); }); });
            return shown;
          }
          function selectCheck(k, scroll) {
            clear("sel"); clear("hl");
            pinned = {check: k};
            Array.prototype.slice.call(document.querySelectorAll(".side .chk[data-k=\"" + k + "\"]")).forEach(function (e) { e.classList.add("sel"); });
            var shown = highlight(D.checks[k].cells);
            detail.innerHTML = checkHTML(k);
            document.body.setAttribute("data-selected-check", D.checks[k].id);
            document.body.removeAttribute("data-selected-cell");
            setHash("check=" + D.checks[k].id);
            if (scroll) { reveal(shown); }
          }
          function selectDiag(d, scroll) {
            clear("sel"); clear("hl");
            pinned = {diag: d};
            Array.prototype.slice.call(document.querySelectorAll(".side .diag[data-d=\"" + d + "\"]")).forEach(function (e) { e.classList.add("sel"); });
            var x = D.diags[d];
            var shown = highlight(x.cells);
            detail.innerHTML = "<table>" + row("diagnostic", "<b>" + esc(x.code) + "</b>") + row("severity", esc(x.severity)) +
              row("at", esc(x.at)) + row("message", esc(x.message)) + row("cells", String(x.cells.length)) + "</table>";
            if (scroll) { reveal(shown); }
          }
          function restore() {
            if (!pinned) { detail.innerHTML = idle; return; }
            if (pinned.cell !== undefined) { detail.innerHTML = cellHTML(pinned.cell); }
            else if (pinned.check !== undefined) { detail.innerHTML = checkHTML(pinned.check); }
            else if (pinned.diag !== undefined) { selectDiag(pinned.diag, false); }
          }
          boxes.forEach(function (e) {
            var i = +e.getAttribute("data-i");
            e.addEventListener("mouseenter", function () { detail.innerHTML = cellHTML(i); });
            e.addEventListener("mouseleave", restore);
            e.addEventListener("focus", function () { detail.innerHTML = cellHTML(i); });
            e.addEventListener("click", function (ev) { ev.stopPropagation(); selectCell(i, false); });
          });
          document.getElementById("side").addEventListener("click", function (ev) {
            var t = ev.target;
            while (t && t !== this) {
              if (t.classList && t.classList.contains("chk")) { selectCheck(+t.getAttribute("data-k"), true); return; }
              if (t.classList && t.classList.contains("diag")) { selectDiag(+t.getAttribute("data-d"), true); return; }
              t = t.parentNode;
            }
          });
          document.addEventListener("keydown", function (ev) {
            if (ev.key === "Escape") { clear("sel"); clear("hl"); pinned = null; detail.innerHTML = idle; setHash(""); }
            if (ev.key === "Enter" && document.activeElement) { document.activeElement.click(); }
          });
          function fromHash() {
            var h = decodeURIComponent(location.hash.replace(/^#/, ""));
            var m = /^(check|cell)=(.+)$/.exec(h);
            if (!m) { return; }
            var i;
            if (m[1] === "check") {
              for (i = 0; i < D.checks.length; i++) { if (D.checks[i].id === m[2]) { selectCheck(i, true); return; } }
            } else {
              for (i = 0; i < D.cells.length; i++) { if (D.cells[i].key === m[2]) { selectCell(i, true); return; } }
            }
            document.body.setAttribute("data-fragment-unknown", m[2]);
          }
          window.addEventListener("hashchange", fromHash);
          fromHash();
          document.body.setAttribute("data-ready", "1");
        })();
        """#
}
