/// <reference lib="webworker" />
/**
 * The import's parsing and planning off the main thread, so the page keeps answering input while a
 * 30,000-row file is read. The client (import-client.ts) calls it through comlink; cancelling
 * terminates the worker, which stops it wherever it is.
 */
import * as Comlink from 'comlink';
import { createImportCore } from './import-core';

Comlink.expose(createImportCore());
