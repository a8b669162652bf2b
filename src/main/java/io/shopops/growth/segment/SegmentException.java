package io.shopops.growth.segment;

/**
 * A segment cannot be saved; the code is the message key that says why.
 */
class SegmentException extends RuntimeException {

	private final String code;

	SegmentException(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
