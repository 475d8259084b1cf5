package org.aucl.cli;

/**
 * A command whose options and data are checked before it does any work: {@link #check()} throws a
 * {@code UserException} for the user's mistakes, and the command's work runs only if it returns.
 * {@code Cli} calls it before every run; tests call it alone ({@code Cli.check}) to prove that every
 * option value either gives a run or one sentence.
 */
interface Checked {
  void check();
}
