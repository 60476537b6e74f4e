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
    <message>
        <source>Not signed in</source>
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
    <name>Mesh::AlertListModel</name>
    <message numerus="yes">
        <source>%1 (upstream, %n step(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>
Reaches this product through %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Acknowledged by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::AlertsPanel</name>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert to see what was measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the scan; alerts found so far are kept</source>
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
    <name>Mesh::ColumnEditModel</name>
    <message>
        <source>Dataset</source>
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
    <name>Mesh::ContractController</name>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the contract of %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or update a product from an ODCS v3 data contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown product&apos;s contract as ODCS v3 YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the contract: created %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the contract: updated %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Contract of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ODCS contracts (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ContractImportDialog</name>
    <message>
        <source>Cannot read %1: %2. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 MB; a contract may be at most %3 MB. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is not a valid ODCS v3 contract; nothing was imported. Fix these %n problem(s) and import again:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was imported; ask the product&apos;s owner or a steward of its domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Data Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an Open Data Contract Standard (ODCS) v3.0 or v3.1 YAML document. It creates the product it describes, or updates it if the catalog has it; fields the catalog has no place for are kept and come back on export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contract file, e.g. orders.odcs.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Data Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ODCS contracts (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
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
    <name>Mesh::EditController</name>
    <message>
        <source>No catalog is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed the metadata of %1 without saving. Save before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved; see the Edit tab. The window stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unclaimed Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets nobody owns, documents or previews; claim them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no product “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
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
    <name>Mesh::FederationController</name>
    <message>
        <source>&amp;Sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n scheduled source(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled sync: %n source(s) up to date.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scheduled sync: %n source(s) failed and kept their last good copy; see File → Sources.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a catalog service, a Mesh export or a data contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a catalog to add the source to…</source>
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
    <name>Mesh::GovernanceController</name>
    <message>
        <source>&amp;Governance Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan for Quality Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality &amp;Alerts Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Governance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open quality alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality alerts: show the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning the products for quality problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s); scanned %1 products, %2 new.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n sample(s) could not be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Governance — compliance with the mesh&apos;s policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the catalog against its policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The governance report is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scan cancelled after %1 products; %n open alert(s), %2 new. Press Scan now to scan them all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning the products for quality problems: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Scanning %1%…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking was cancelled. Press Refresh to check the catalog against its policies again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::GovernanceView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;olicies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the catalog against its policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a policy (council: global; stewards: their domain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameter: characters, hours or a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governance</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>compliant on average. %1 of %2 products meet every policy; %n violation(s) to fix. Double-click a violation to open the field that fixes it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global (council)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This catalog has no products to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop checking the catalog against its policies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::HistoryTab</name>
    <message>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare from version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare to version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to Selected Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected version&apos;s metadata as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved versions yet: the first save on the Edit tab records the product as it was and the edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;Nothing to compare yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n version(s)&lt;/b&gt; · newest: version %1 by %2 on %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;These versions cannot be compared.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Version %1 → version %2&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;No differences in the metadata.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to revert to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiDashboardController</name>
    <message>
        <source>KPI &amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cross-department KPI dashboard of this catalog (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiDashboardWindow</name>
    <message>
        <source>KPI Dashboard — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Period: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Department: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the inputs that changed and recompute their KPIs (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit KPI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the KPIs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KPIs cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the KPI inputs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh cancelled; the tiles show the last computed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs: %1 reloaded, %2 unchanged, %3 failing · KPIs: %4 recomputed, %5 up to date, %6 failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No KPIs to show. A catalog gets KPIs through its KPI data products; the Messy Inc. demo has six.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — KPI Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By %1, as of %2 · exported %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1; choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dashboard as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dashboard as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiDrillDialog</name>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlying rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the number comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — drill-down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1&apos;s product page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where %1 comes from and what it feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of this KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breakdown failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This KPI defines no breakdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to break down in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 rows of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ 1 live quality alert this number may rest on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ %1 live quality alerts this number may rest on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1&apos;s product page and its alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiEditorDialog</name>
    <message>
        <source>KPI editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing as &lt;b&gt;%1&lt;/b&gt;. Only the KPI product&apos;s owner, a steward or an administrator can save; anyone can test-run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input product keys, comma-separated. Each is a table named by its key with every other character than a–z and 0–9 replaced by “_”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target grain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum over time (targets scale with the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakdown by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value SQL (period, value[, secondary])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakdown SQL (:period → label, value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows SQL (:period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write PERIOD(date column) to group by the dashboard&apos;s month, quarter or year. Test run shows what the SQL returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✔ %n period(s) returned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Saved and recomputed; the dashboard shows the new values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiSparkline</name>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::KpiTileWidget</name>
    <message>
        <source>On target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · target %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 steps upstream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ 1 quality alert: %1 · on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ %1 quality alerts: %2 · on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live quality alerts this number may rest on:</source>
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
    <name>Mesh::MetadataCommands</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::MetadataEditorTab</name>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your changes and load the newest version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your version over theirs (theirs stays in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what saving your version would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the product in Markdown: what it holds, how fresh it is, caveats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. finance, kpi-input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshness SLA in hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may read this data and on what terms</source>
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
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshness SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description
(Markdown · preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can read this metadata but not change it. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: what this table or file holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;b&gt;unsaved changes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved:&lt;/b&gt; changed by &lt;b&gt;%1&lt;/b&gt; at %2 (version %3) after you started editing version %4. Reload their version, overwrite it with yours, or compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Your draft has the same metadata as the saved version.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · saving…</source>
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
    <message>
        <source>Downloading %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %L1 of %L2 rows (%3 written)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the export; nothing is written</source>
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
    <name>Mesh::QualityTab</name>
    <message>
        <source>Looking for alerts on %1 and upstream…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open alerts on this product or upstream of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on this product, %2 upstream (double-click to open it)</source>
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
    <message>
        <source>from %1</source>
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
    <name>Mesh::SourceEditDialog</name>
    <message>
        <source>Edit source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. openmetadata-prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include in Sync all and scheduled syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the one in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…/mesh.json or file:///…/mesh.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…/contract.yaml or file:///…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://catalog.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1; it is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::SourceTableModel</name>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content fetched %1, last confirmed %2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok · every %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok · manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::SourcesDialog</name>
    <message>
        <source>fetching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing to the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each source is fetched into its own part of the catalog. A failed sync keeps the source&apos;s last good copy, and the catalog works offline from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sources yet. Add an OpenMetadata, DataHub or Marquez server, a Mesh Explorer JSON export or an ODCS contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source was not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “%1”. Sync it to fetch its products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove “%1” and the %n product(s) that came from it? Its products disappear from this catalog; the source itself is not changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to “%1” works: %2 products and %3 lineage edges in %4 s. Nothing was written; use Sync now to fetch them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling… every source keeps its last good copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced %n source(s), %1 products, in %2 s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) failed and kept their last good copy. %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mesh::TeamConnectDialog</name>
    <message>
        <source>Connect to Team Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team&apos;s shared catalog on PostgreSQL. This catalog file becomes its offline cache: search and browse stay local, changes sync in the background, and writes made offline are sent when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user id, e.g. maria.lopez</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember password in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1. You will be asked for it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::TeamController</name>
    <message>
        <source>Connect to &amp;Team Catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team catalog connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>● Team: online · %n queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>● Team: online</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>○ Team: offline · %n queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n conflict(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>◌ Team: syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::TeamListener</name>
    <message>
        <source>lost the connection to team server %1: %2</source>
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
    <name>Mesh::UnclaimedDialog</name>
    <message>
        <source>Unclaimed Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list owned products nobody has previewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you should own it (helps the steward decide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim Ownership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny with the reason typed above</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n product(s)&lt;/b&gt; nobody looks after: no owner, no description, or never previewed. Claim one to become its owner once a steward approves.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 by %2 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ownership claims wait for you (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ownership claims you may decide (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product to claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a claim to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a claim to deny.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mesh::ViolationModel</name>
    <message>
        <source>No domain (dark data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% compliant</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s); %1 of %2 products comply</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2
Double-click to open the field to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain / owner / product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
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
    <message>
        <source>The system keychain refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1, but it holds no team catalog yet: ask its administrator to run `meshctl server init`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1, but its team catalog (schema %2) is newer than this Mesh Explorer; update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2: team catalog schema %3, %4 products, change %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced with %1 (change %2).</source>
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
