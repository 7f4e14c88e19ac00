<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Attribute</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Subcategory</source>
        <translation>Unterkategorie</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Sleeve length</source>
        <translation>Ärmellänge</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Neckline</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passform</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database path is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid PostgreSQL URL (expected postgresql://user@host:port/database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put the PostgreSQL password in the URL; set PGPASSWORD or use ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL &apos;%1&apos; names no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL database %1 on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed (install the package that provides it, e.g. libqt6sql6-%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>using the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is locked by another program (while %2); close the other Tagdesk or wait for it, then try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Tagdesk database or is damaged (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to %1 (while %2): %3. Check that the file and its folder are writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full (while %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by another session (while %2); try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error in %1 while %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer Tagdesk (schema version %2; this Tagdesk knows up to %3). Update Tagdesk to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turning on write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be switched to write-ahead logging (the file system answered &apos;%2&apos;); Tagdesk needs it to stay safe when it is killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the synchronous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a database, but not a Tagdesk one; choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading the database to version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Destination</name>
    <message>
        <source>Unknown destination &apos;%1&apos; (use tags, metafields, type, alt or description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destination was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Metafields</source>
        <translation>Metafelder</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>Produkttyp</translation>
    </message>
    <message>
        <source>Image alt text</source>
        <translation>Bild-Alternativtext</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>JobProductRepository</name>
    <message>
        <source>Product %1 of job %2 has an unknown state (%3/%4/%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored copy of product %1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product has an unknown state (%1/%2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding products to job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding product %1 to job %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the products of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 has no product %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the state of product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the copy of product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the products of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRepository</name>
    <message>
        <source>Job %1 has a damaged product selection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 names an unknown tagger &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the new job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database did not return the new job&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the job list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archiving job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unarchiving job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the state of job %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobService</name>
    <message>
        <source>Job %1 is %2 and cannot be archived; cancel it or wait until it finishes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Ready to sync</source>
        <translation>Bereit zum Synchronisieren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Complete but with errors</source>
        <translation>Abgeschlossen, mit Fehlern</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>NewJob</name>
    <message>
        <source>A job needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job name is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per product must be between 1 and %1 (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attribute &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PipelineStage</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Wird analysiert</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ProductSelection</name>
    <message numerus="yes">
        <source>%n picked product(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Shopify %2 id (expected %3123 or a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search query is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search query is longer than 1000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product ids were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All active products</source>
        <translation>Alle aktiven Produkte</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown product selection &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductSnapshot</name>
    <message>
        <source>A product snapshot has no valid id (&apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>SuggestionRepository</name>
    <message>
        <source>saving the suggestions for product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the suggestions for product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the suggestions of job %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Not queued</source>
        <translation>Nicht eingereiht</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Reverting</source>
        <translation>Wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>Tagger</name>
    <message>
        <source>Local colour analyser</source>
        <translation>Lokale Farbanalyse</translation>
    </message>
    <message>
        <source>Ximilar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible vision model</source>
        <translation>OpenAI-kompatibles Bildmodell</translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::JobListPanel</name>
    <message>
        <source>Show &amp;archived</source>
        <translation>&amp;Archivierte zeigen</translation>
    </message>
    <message>
        <source>Filter jobs by name, status or tagger</source>
        <translation>Aufträge nach Name, Status oder Tagger filtern</translation>
    </message>
    <message>
        <source>Filter jobs</source>
        <translation>Aufträge filtern</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No archived jobs.</source>
        <translation>Keine archivierten Aufträge.</translation>
    </message>
    <message>
        <source>No jobs yet. Create one with New job (Ctrl+N).</source>
        <translation>Noch keine Aufträge. Legen Sie einen mit „Neuer Auftrag“ (Strg+N) an.</translation>
    </message>
    <message>
        <source>The job list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::JobTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tagger</source>
        <translation>Tagger</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::MainWindow</name>
    <message>
        <source>Tagdesk — Demo store</source>
        <translation>Tagdesk — Demo-Shop</translation>
    </message>
    <message>
        <source>Tagdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo store</source>
        <translation>Demo-Shop</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Auftrag</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;New job…</source>
        <translation>&amp;Neuer Auftrag…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Created job “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchived “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::NewJobDialog</name>
    <message>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>e.g. Summer dresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All active products</source>
        <translation>Alle aktiven Produkte</translation>
    </message>
    <message>
        <source>Products matching a search</source>
        <translation>Produkte einer Suche</translation>
    </message>
    <message>
        <source>A collection</source>
        <translation>Eine Kollektion</translation>
    </message>
    <message>
        <source>Products by id</source>
        <translation>Produkte nach ID</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>&amp;Produkte:</translation>
    </message>
    <message>
        <source>&amp;Tagger:</source>
        <translation>&amp;Tagger:</translation>
    </message>
    <message>
        <source>&amp;Images per product:</source>
        <translation>&amp;Bilder pro Produkt:</translation>
    </message>
    <message>
        <source>e.g. product_type:Dress tag:summer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection id, e.g. 841564295</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product ids, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
