<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account</name>
    <message>
        <source>No store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountSettings</name>
    <message>
        <source>No store is set: choose one in Settings, pass --store URL, or use --demo for the demo store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token for %1: store one in Tagdesk&apos;s Settings, or set TAGDESK_SHOPIFY_TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>BulkProductReader</name>
    <message>
        <source>Line %1 of Shopify&apos;s bulk result is not JSON (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of Shopify&apos;s bulk result belongs to %2, which is not the product before it; the result is not grouped as requested</source>
        <translation type="unfinished"></translation>
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
    <name>HttpClient</name>
    <message>
        <source>The download for %1 broke off (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to %1 was larger than %2 MB and was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Could not reach %1 while %2 (%3, after %n attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 answered %2 with something that could not be read (after %n attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses plain http; Tagdesk sends credentials only over https (http is allowed to this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http(s) address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageCache</name>
    <message>
        <source>an HTML page, not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an image format Tagdesk can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image download was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download (%1 bytes) is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 image is damaged: its size cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the image cache folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save an image to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an image cache key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is not in the cache (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached image %1 is damaged on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageRepository</name>
    <message>
        <source>recording a cached image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving an image of product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the images of product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the image cache index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the image cache to save space; it is downloaded again when needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating the image cache index</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>resuming job %1</source>
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
    <message>
        <source>saving how far job %1 got</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation type="unfinished">Wird analysiert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify&apos;s bulk export of the products ended %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product no longer exists in Shopify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading an image of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image server answered HTTP %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product has no images to analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some images could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; run the job again to resume it</source>
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
    <name>LocalTagger</name>
    <message>
        <source>A stored answer of the local colour analyser is damaged</source>
        <translation type="unfinished"></translation>
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
    <name>OpenAiTagger</name>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; should be an object with &apos;%1&apos; and &apos;confidence&apos;, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no &apos;%1&apos; value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is null, but a value is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; should be text or null, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2, which is not one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the confidence of &apos;%1&apos; should be a number, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the confidence of &apos;%1&apos; is %2, outside 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer is not the JSON object asked for: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer does not have the shape asked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenAI-compatible server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking %1 to tag an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2: %3). Check the key in Settings, or set TAGDESK_OPENAI_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the account&apos;s quota is used up (%2). Check the plan and billing, then run the job again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no model &apos;%2&apos; (%3). Pull it on the server (ollama pull %2) or choose another model in Settings or TAGDESK_OPENAI_MODEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not read this image: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model refused to tag this image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer was cut off at %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer has no text in choices[0].message.content</source>
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
    <name>PixyleTagger</name>
    <message>
        <source>Pixyle&apos;s answer has neither a category nor attributes%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle refused the e-mail and password (HTTP %1: %2). Check the Pixyle account in Settings, or set TAGDESK_PIXYLE_EMAIL and TAGDESK_PIXYLE_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing in to Pixyle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle did not let the account sign in (%1): verify its e-mail address, or check the account in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle&apos;s sign-in answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle&apos;s sign-in answer has no access token (fields: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagging an image with Pixyle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle says the account&apos;s limit is reached (%1). Check the Pixyle plan, then run the job again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle refused a fresh sign-in token (%1). Check the Pixyle account in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle could not process this image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixyle answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored Pixyle answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductQueries</name>
    <message>
        <source>reading the products of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product %1 of job %2 has an unknown state (%3/%4/%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the products of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the confidence of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the products waiting to sync</source>
        <translation type="unfinished"></translation>
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
    <name>RemoteTagger</name>
    <message>
        <source>The image is not in the local image cache, so it was not sent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached file is not a JPEG, PNG, WebP or GIF image, so it was not sent to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewService</name>
    <message>
        <source>recording a review decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product %1 has not been analysed (%2) and cannot be reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving where product %1 is saved</source>
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
    <name>SecretStore</name>
    <message>
        <source>The system keychain refused access to &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available to keep &apos;%1&apos; safe (%2). Start your desktop&apos;s keyring service, or pass the credential through the environment for this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopifyClient</name>
    <message>
        <source>Tagdesk has no GraphQL document named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token is set for %1: add one in Settings (or set TAGDESK_SHOPIFY_TOKEN for scripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>getting an access token from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the app&apos;s client id and secret (HTTP %2): check them in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered the token request without a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>talking to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the access token (HTTP 401). Check the token in Settings; it may have been revoked or mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is frozen: its Shopify bill is unpaid (HTTP 402). The store owner must settle it before Tagdesk can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 denied access (HTTP 403): the app is not allowed to do this. Check the app&apos;s permissions in the Shopify admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Admin API at %2 (HTTP 404): check the store address and the API version (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked (HTTP 423), e.g. for fraud review or by its owner. Nothing can be read or written until Shopify unlocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kept asking Tagdesk to slow down (HTTP 429) after every retry; try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a server error (HTTP %2) after every retry; Shopify may be having trouble, try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 denied access: %2. Give the app the missing access scope (e.g. write_products) in the Shopify admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused a request as too expensive (%2). This is a Tagdesk bug: please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stayed throttled after every retry; try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered without data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would not start a bulk export: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started a bulk export without an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify does not know the bulk export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading the bulk export from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bulk export could not be downloaded (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopifyProduct</name>
    <message>
        <source>Shopify answered with a product without a valid id (&apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify answered product %1 without a valid updatedAt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopifyStore</name>
    <message>
        <source>No store address was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a store address (expected e.g. example.myshopify.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has characters a store&apos;s host name cannot have</source>
        <translation type="unfinished"></translation>
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
    <name>TaggerAnswerRepository</name>
    <message>
        <source>reading a stored tagger answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a tagger answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaggerFactory</name>
    <message>
        <source>No address is set for %1: set %2 or add it in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of %1 cannot be used: %2 (set %3 or change it in Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is set for %2: set %3 or add the %1 in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 tagger needs the network, which is not available here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown tagger %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XimilarTagger</name>
    <message>
        <source>Ximilar could not read this image (%1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ximilar says the account has no credits left (%1). Buy credits or wait for the monthly reset, then run the job again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagging images with Ximilar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ximilar refused the API key (HTTP %1: %2). Check the Ximilar key in Settings, or set TAGDESK_XIMILAR_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ximilar answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ximilar could not tag the images (%1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ximilar&apos;s answer had no record for this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored Ximilar answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::JobRunHost</name>
    <message>
        <source>Cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ShopSession</name>
    <message>
        <source>The store settings just changed; try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ConfidenceChart</name>
    <message>
        <source>Confidence distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2%: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions by confidence
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::GeneralSettingsPage</name>
    <message>
        <source>Tag template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt text template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image cache size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{attribute} and {value}, e.g. colour:Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alt text template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} and any attribute, e.g. {colour}, {category}, {material}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;cache size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images of jobs that are not archived are always kept, whatever the size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time Tagdesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag template: it must contain {value}, or every tag would be the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt text template: it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a { has no matching } (or the other way round)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::JobActions</name>
    <message>
        <source>&amp;New job…</source>
        <translation type="unfinished">&amp;Neuer Auftrag…</translation>
    </message>
    <message>
        <source>&amp;Open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished">&amp;Archivieren</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is analysed and ready for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished">Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Created job “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling “%1” after the work in flight…</source>
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
    <message>
        <source>Cancelled “%1”; Resume continues where it stopped</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Interrupted — run it to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::JobViewPanel</name>
    <message>
        <source>A&amp;pprove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job has no products yet. Run it to list and analyse its selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products match this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The products could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all jobs (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished">Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished">Abgelehnt</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished">Produkte</translation>
    </message>
    <message>
        <source>Approve the selected products (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the selected products (Ctrl+Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest confidence to approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve all &amp;at or above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approves pending products whose every suggestion is at least this sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 products: %4 analysed, %5 waiting for review, %6 approved, %7 rejected, %8 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 not analysed, cannot be reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve 1 product ≥ %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1 products ≥ %2%</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Job</source>
        <translation>&amp;Auftrag</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagdesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
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
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
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
        <source>Create and &amp;run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products picked from a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products in this selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes to suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished">Produkte</translation>
    </message>
    <message>
        <source>&amp;Which:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttributes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one attribute to suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ProductCounter</name>
    <message>
        <source>The product count is not available: no store is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product count is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ProductPicker</name>
    <message>
        <source>Search products by title, vendor, type or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products to pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products cannot be searched: no store is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 product picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 products picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No products match. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ProductTableModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished">Prüfen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest confidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ReviewActions</name>
    <message>
        <source>Approved 1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected 1 product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved 1 product at or above %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1 products at or above %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::ScreenshotTour</name>
    <message>
        <source>Summer collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo job to be analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autumn knitwear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the product count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 screenshots instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dresses for the autumn catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::SecretField</name>
    <message>
        <source>Not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored: %1 (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, except: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::StatusBarController</name>
    <message>
        <source>Demo store</source>
        <translation type="unfinished">Demo-Shop</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending syncs: ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending syncs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved products waiting to be pushed to the store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::StoreSettingsPage</name>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.myshopify.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo store: its address and token are fixed. What you set here applies to your own store when Tagdesk runs without --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version: &apos;%1&apos; is not a Shopify API version (expected e.g. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May read products (read_products)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May not read products: the token lacks read_products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May write products (write_products): sync will work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May not write products: the token lacks write_products, so analysis works but sync will be refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tagdesk::ui::TaggerSettingsPage</name>
    <message>
        <source>%1 endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo store answers for every tagger itself. What you set here applies when Tagdesk runs without --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. gpt-4o-mini, llava</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at &amp;once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endpoint: &apos;%2&apos; is not an https:// address (plain http:// is allowed only on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
