<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Mesh::AboutDialog</name>
    <message>
        <source>About Mesh Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Explorer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find, understand and trust the data products of your company&apos;s data mesh: search the catalog, read each product&apos;s description, schema, ports and lineage, preview its sample data and ask its owner for access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(built with %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libcurl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed under the MIT licence. The Messy Inc. demo company and its data are fictional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the versions above, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AccessController</name>
    <message>
        <source>Access &amp;Inbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign In As (Demo Only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notifications: open the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in the demo catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (analyst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>● %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;Inbox (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AccessInboxDialog</name>
    <message>
        <source>whole product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required to deny)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Refused:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;. %n request(s) wait for your decision.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your decision (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a request to see it here.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;✓ approved by %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Request #%1 · %2&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%3&lt;/b&gt; asks for &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;%5&lt;/p&gt;&lt;p&gt;&lt;i&gt;“%6”&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Status: %7 — %8 of %9 approval(s)%10%11&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (sensitive: owner and steward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(whole product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one column, or deny the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve Request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 access to %2 (%3)? This cannot be undone, but the owner can revoke the grant later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why in the reason field; the requester will see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AccessTab</name>
    <message>
        <source>Request Access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who has access and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Who has access, and why&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are &lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Grant #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1&apos;s access? Say why (kept in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ActionCatalog</name>
    <message>
        <source>Alt+%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1b7f3b; font-weight:600&apos;&gt;✔ Chain verified&lt;/span&gt; — %1 entries, head %2 · showing %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e; font-weight:600&apos;&gt;✖ Chain broken at #%1&lt;/span&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1  %2  %3 %4 %5 %6

%7

previous hash %8
hash          %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AuditLogModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::CatalogWorker</name>
    <message>
        <source>The demo catalog could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product is no longer in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no product “%1” in this catalog.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ColumnProfilePanel</name>
    <message>
        <source>Column profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a column to profile it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (HyperLogLog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Every value is different.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command or a recent product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to move · Enter to run · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::DesktopController</name>
    <message>
        <source>Command &amp;Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every command and your recent products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Mesh Explorer is and how to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this theme whatever the desktop uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent product · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::DropHandler</name>
    <message>
        <source>Not opened: %1 (one catalog and up to %2 previews a drop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OpenLineage events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds OpenLineage events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a catalog first, then drop the file again to import its lineage into that catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the OpenLineage events in “%1” into “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets, jobs and lineage edges are added to the catalog; records that cannot be read are reported and skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::FacetModel</name>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unowned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 matching product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matching products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::FilePreviewDialog</name>
    <message>
        <source>%1 — Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not part of the catalog: it is shown as it is, unmasked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::LineageController</name>
    <message>
        <source>&amp;Lineage window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import OpenLineage events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OpenLineage events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenLineage events (*.json *.ndjson *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the catalog is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2 events, %3 rejected: %4 dataset edges, %5 column edges, %6 product edges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::LineageTab</name>
    <message>
        <source>job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No upstream products recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No downstream products recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a card or double-click a row to open that product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lineage window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream — feeds this product (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream — built from this product (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::LineageView</name>
    <message>
        <source>Overview: click or drag to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show upstream of this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show downstream of this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide upstream of this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide downstream of this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight path from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::LineageWindow</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Upstream </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Downstream </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights the shortest path from the focused node; Ctrl+click two cards does the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in this graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream products affected by a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading lineage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges, %3 crossings · click a card to open its product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no lineage in this catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing downstream of %1: a change to it affects no other product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to %1 affects these %2 downstream products:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out %1 nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything upstream of %1 is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything downstream of %1 is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every neighbour of %1 is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path between %1 and %2 in this picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::MainWindow</name>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a catalog file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore Messy Inc., the demo company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Mesh Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search products, columns, owners and tags  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters by domain, owner, tag and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the Messy Inc. demo catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh catalogs (*.mesh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Mesh Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Explorer could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a simpler query without special characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Mesh catalog file, or explore Messy Inc., a demo company whose data sits in HubSpot, Jira, Workday, Gainsight and NetSuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn&apos;t open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Mesh catalog file (*.mesh), or open the demo catalog to look around.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This catalog has no products yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or generate products with meshctl, then reopen the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products match these filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck some filters on the left to widen the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products match %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try fewer words, or search for a column name, owner or tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, or search for a column name, owner or tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter on the left also narrows the results; clear it to search the whole catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 filters on the left also narrow the results; clear them to search the whole catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 filtered products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All products · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messy Inc. demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::OverviewTab</name>
    <message>
        <source>No freshness SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed at least daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed at least every %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed at least hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed at least every %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a month ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*No description yet.* Ask the owner to document this product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owner — this product is unowned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogued from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unversioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access policy stated; ask the owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::PortsTab</name>
    <message>
        <source>Output ports: datasets, locations and endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product publishes no output ports yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output ports: where each dataset of this product can be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::PreviewHeaderView</name>
    <message>
        <source>masked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::PreviewModel</name>
    <message>
        <source>Row %1 has %2 fields; the header has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::PreviewTab</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop indexing; the rows found so far stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to row (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text (masked columns stay masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sample as CSV (masked columns stay masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %L1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product documents no dataset with a sample to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows so far, indexing %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) masked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Preview not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sample cannot be previewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sample as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ProductPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unowned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product to see its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its description, owner, schema, ports and lineage appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product could not be shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::RequestAccessDialog</name>
    <message>
        <source>Request Access to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will you use the data for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick none to ask for the whole product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ResultDelegate</name>
    <message>
        <source>Unowned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::SchemaTab</name>
    <message>
        <source>1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns with types, descriptions and classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product has no documented datasets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 classified as PII</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command is also in the command palette (%1): type a few letters of its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by command or key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search field: go to the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down, Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search field: clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette: move, run, close (also Page Up, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up, Down, Enter, Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: go to row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: copy the selected cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage window: highlight the path to a second card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogs: next and previous field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::Theme</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::WelcomeDialog</name>
    <message>
        <source>Welcome to Mesh Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesh Explorer is a window onto your company&apos;s &lt;b&gt;data mesh&lt;/b&gt;: every data product with its owner, schema, sensitive columns, freshness and lineage, searchable as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To try it, meet &lt;b&gt;Messy Inc.&lt;/b&gt;, a fictional manufacturer whose data is spread over HubSpot, Jira, Workday, Gainsight, NetSuite, plant CSV exports and a few undocumented tables nobody owns. Its catalog is built on your computer the first time you open it; nothing leaves the machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the Messy Inc. demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>36 data products in 7 domains, with samples, lineage and access requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a catalog file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Mesh catalog (*.mesh) made with meshctl or shared by a colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a catalog service or a folder of data contracts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting live sources is not available in this version yet; this opens a catalog file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: press %1 for the command palette, and find every shortcut under Help → Keyboard Shortcuts. You can drop catalog, CSV, JSON and OpenLineage files on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>no owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no known columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore the data products of a company&apos;s data mesh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the catalog FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Messy Inc. demo catalog (built on first use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &quot;startup_ms N&quot; once the first results show, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once results show, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: search for TEXT first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: select the first result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: show the product tab NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the README&apos;s screenshots of the demo into DIR, then quit (see scripts/screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshots: take only the shots NAMES (comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshots: use the dark theme and name files NAME-dark.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the screenshots --screenshots takes, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A catalog to open (the same as --catalog FILE).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
