// Validates every GraphQL document Tagdesk sends (resources/graphql/*.graphql, with the
// fragments they use) against Shopify's published Admin API schema, using the reference
// implementation. Usage:
//   node validate.mjs SCHEMA DOCUMENTS_DIR              validate; exit 1 on any error
//   node validate.mjs SCHEMA DOCUMENTS_DIR --self-test  prove a misspelt field is caught
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, print, validate, visit, BREAK, Kind } from 'graphql';

const [schemaPath, documentsDir, mode] = process.argv.slice(2);
if (!schemaPath || !documentsDir) {
  console.error('usage: node validate.mjs SCHEMA DOCUMENTS_DIR [--self-test]');
  process.exit(2);
}

const schema = buildSchema(readFileSync(schemaPath, 'utf8'), { assumeValidSDL: true });

const fragmentsDir = join(documentsDir, 'fragments');
const fragments = new Map();
for (const name of readdirSync(fragmentsDir).filter((f) => f.endsWith('.graphql'))) {
  const text = readFileSync(join(fragmentsDir, name), 'utf8');
  for (const def of parse(text).definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, text);
  }
}

// The same rule the client follows: a document gets the fragment files it spreads, and
// the fragments those spread.
function withFragments(text) {
  let full = text;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, fragmentText] of fragments) {
      if (full.includes(`...${name}`) && !full.includes(`fragment ${name} `)) {
        full += '\n' + fragmentText;
        grew = true;
      }
    }
  }
  return full;
}

function check(name, text) {
  let document;
  try {
    document = parse(withFragments(text));
  } catch (e) {
    return [`${name}: syntax: ${e.message}`];
  }
  return validate(schema, document).map((e) => `${name}: ${e.message}`);
}

const documents = readdirSync(documentsDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => [f, readFileSync(join(documentsDir, f), 'utf8')]);
if (documents.length === 0) {
  console.error(`no .graphql documents in ${documentsDir}`);
  process.exit(1);
}

if (mode === '--self-test') {
  // Misspell the deepest first field of every document in turn; each must be rejected.
  let caught = 0;
  for (const [name, text] of documents) {
    let renamed = false;
    const broken = print(
      visit(parse(withFragments(text)), {
        Field(node) {
          if (renamed || node.selectionSet) return undefined;
          renamed = true;
          return { ...node, name: { ...node.name, value: node.name.value + 'x' } };
        },
      }),
    );
    const errors = check(name, broken);
    if (errors.length === 0) {
      console.error(`${name}: a misspelt field was NOT caught`);
      process.exit(1);
    }
    caught++;
    console.log(`caught in ${name}: ${errors[0]}`);
  }
  console.log(`${caught} passed, 0 failed`);
  process.exit(0);
}

let failed = 0;
for (const [name, text] of documents) {
  const errors = check(name, text);
  if (errors.length) {
    failed++;
    for (const e of errors) console.error(e);
  } else {
    console.log(`valid: ${name}`);
  }
}
console.log(`${documents.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
