import Foundation

/// The one script of `report.html`: marks `<html>` with class `js` (the filter and sort controls show
/// only then), sorts the prompt table when a header is clicked, filters it by text and status (hiding the
/// filtered prompts' case sections too), and opens or closes every case. It only moves, hides and shows
/// elements the report already has; it never builds HTML from data.
enum HTMLReportScript {
    static let source = """
    (function () {
      "use strict";
      document.documentElement.classList.add("js");
      var table = document.getElementById("prompt-table");
      if (!table) { return; }
      var body = table.tBodies[0];
      var text = document.getElementById("filter-text");
      var status = document.getElementById("filter-status");
      var count = document.getElementById("filter-count");
      var each = function (list, f) { Array.prototype.forEach.call(list, f); };

      function applyFilter() {
        var query = text.value.trim().toLowerCase();
        var wanted = status.value;
        var shown = 0;
        each(body.rows, function (row) {
          var keep = (!wanted || row.getAttribute("data-status") === wanted) &&
            (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
          row.hidden = !keep;
          if (keep) { shown += 1; }
          var section = document.getElementById(row.getAttribute("data-section"));
          if (section) { section.hidden = !keep; }
        });
        count.textContent = shown === body.rows.length ? body.rows.length + " prompts" : shown + " of " + body.rows.length + " prompts";
      }

      function sortKey(row, column) {
        var cell = row.cells[column];
        return cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent.trim().toLowerCase();
      }

      each(table.tHead.rows[0].cells, function (header, column) {
        var button = header.querySelector("button");
        if (!button) { return; }
        button.addEventListener("click", function () {
          var ascending = header.getAttribute("aria-sort") !== "ascending";
          each(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
          header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var order = sortKey(a, column).localeCompare(sortKey(b, column), undefined, { numeric: true });
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });

      text.addEventListener("input", applyFilter);
      status.addEventListener("change", applyFilter);
      each(document.querySelectorAll("[data-open-cases]"), function (button) {
        button.addEventListener("click", function () {
          var open = button.getAttribute("data-open-cases") === "all";
          each(document.querySelectorAll("details.case"), function (details) { details.open = open; });
        });
      });
      applyFilter();
    })();
    """

    /// The script's hash for the page's Content-Security-Policy (`script-src 'sha256-…'`): the browser
    /// runs this script and nothing else, so even a payload that got past the escaping could not run.
    static var contentSecurityHash: String {
        "sha256-" + Data(SHA256.digest(Data(source.utf8))).base64EncodedString()
    }
}
