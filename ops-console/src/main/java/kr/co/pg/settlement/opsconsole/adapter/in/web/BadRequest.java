package kr.co.pg.settlement.opsconsole.adapter.in.web;

/** A request the console refuses as given; the message says what is wrong and what is expected. */
class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}
