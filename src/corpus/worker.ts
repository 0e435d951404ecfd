// Entry point of a pool worker thread (piscina calls the default export).
import { processArticle, type ArticleTask, type ArticleOutcome } from './work.js';

export default function work(task: ArticleTask): ArticleOutcome {
  return processArticle(task);
}
