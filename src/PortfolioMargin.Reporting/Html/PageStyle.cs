namespace PortfolioMargin.Reporting.Html;

/// <summary>The inline style sheet and the one script of every report page.</summary>
internal static class PageStyle
{
    public const string Css = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;color:#111;background:#fff;font-size:14px}
        header{padding:16px 24px;border-bottom:1px solid #ccc;background:#f6f6f6}
        h1{margin:0 0 4px;font-size:22px} h2{font-size:18px;border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:28px}
        h3{font-size:15px;margin:16px 0 6px} .subtitle{margin:0;color:#444}
        nav a{margin-right:12px;color:#0072B2} main{padding:0 24px 48px} section{max-width:1400px}
        table{border-collapse:collapse;margin:6px 0 12px} th,td{padding:3px 8px;border-bottom:1px solid #e2e2e2;text-align:left;vertical-align:top}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums} thead th{background:#eef3f8;position:sticky;top:0}
        table.sortable thead th{cursor:pointer;user-select:none} table.sortable thead th[data-dir=asc]::after{content:" \25B2"}
        table.sortable thead th[data-dir=desc]::after{content:" \25BC"} .unit{font-weight:normal;color:#555;font-size:12px}
        table.kv th{font-weight:normal;color:#444;background:none} .note{color:#555;font-style:italic}
        .row{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start} figure{margin:6px 0}
        figcaption{color:#444;font-size:12px;max-width:640px} svg{max-width:100%;height:auto}
        .status-healthy{color:#009E73} .status-margin-call{color:#B07000} .status-liquidation{color:#D55E00}
        details summary{cursor:pointer;margin:4px 0} code{font-size:12px;word-break:break-all}
        table.heat td{min-width:52px;text-align:center;padding:10px 6px;border:1px solid #fff;font-size:12px}
        table.heat td.marked{outline:4px solid #D55E00;outline-offset:-4px;font-weight:bold}
        table.heat th{background:none;font-weight:normal;font-size:12px;text-align:center;vertical-align:middle;border:none}
        table.heat th.corner{color:#555;text-align:left;white-space:nowrap} table.heat + figcaption{max-width:520px}
        td.zone-green{background:#009E73;color:#fff} td.zone-yellow{background:#F0E442;color:#000} td.zone-red{background:#D55E00;color:#fff}
        td[title]{cursor:help} .charts figure{max-width:560px} .wide{overflow-x:auto} .wide td{white-space:nowrap}
        """;

    /// <summary>Click a header to sort its table (again: the other way); numbers by data-value, text as text.</summary>
    public const string SortScript = """
        document.querySelectorAll("table.sortable thead th").forEach(function (th) {
          th.addEventListener("click", function () {
            var table = th.closest("table"), body = table.tBodies[0], column = th.cellIndex;
            var direction = th.dataset.dir === "desc" ? "asc" : "desc", numeric = th.classList.contains("num");
            table.querySelectorAll("thead th").forEach(function (h) { delete h.dataset.dir; });
            th.dataset.dir = direction;
            var key = function (row) {
              var cell = row.cells[column];
              if (!numeric) { return cell.textContent; }
              var value = parseFloat(cell.dataset.value);
              return isNaN(value) ? -Infinity : value;
            };
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a), y = key(b);
              var order = numeric ? x - y : x.localeCompare(y);
              return direction === "asc" ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        """;
}
