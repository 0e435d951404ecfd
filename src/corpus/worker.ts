// Entry point of a pool worker thread (piscina calls the default export).
import { processFile, type ArticleOutcome, type FileTask } from './work.js';

export default function work(task: FileTask): ArticleOutcome[] {
  return processFile(task);
}
