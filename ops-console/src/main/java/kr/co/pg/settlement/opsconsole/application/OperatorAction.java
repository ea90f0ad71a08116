package kr.co.pg.settlement.opsconsole.application;

/** What an operator may do; each is previewed (dry run) and then confirmed with the preview's token. */
public enum OperatorAction {
    KICKOFF, REPLAY, DLT_REDRIVE
}
