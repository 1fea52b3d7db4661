// Reads a vitest JSON report. `counts` prints "passed failed skipped failed-files"; `failures LABEL` prints each
// failed test with the start of its message, because CI logs may be cut to their tail.
import { readFileSync } from 'node:fs';

const [mode, file, label = ''] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const firstLines = (text) => (text ?? '').split('\n').slice(0, 6).join('\n    ');
const relative = (path) => path.replace(`${process.cwd()}/`, '');
const print = (line) => process.stdout.write(`${line}\n`);

if (mode === 'counts') {
  // A file that fails in a hook fails no test (its tests are skipped), so failed files count too.
  print(`${report.numPassedTests} ${report.numFailedTests} ${report.numPendingTests + report.numTodoTests} ${report.numFailedTestSuites}`);
} else {
  for (const file of report.testResults) {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) {
      print(`[${label}] ${relative(file.name)} > ${test.fullName}\n    ${firstLines(test.failureMessages[0])}`);
    }
    // A file that failed to load or crashed in a hook has no failed assertions, only a message.
    if (file.status === 'failed' && failed.length === 0) {
      print(`[${label}] ${relative(file.name)}\n    ${firstLines(file.message)}`);
    }
  }
}
