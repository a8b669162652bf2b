package io.shopops.growth.content;

/**
 * What kind of piece a piece of content is; shown through {@code content.type.<NAME>}.
 */
enum ContentType {

	SHORT_VIDEO, LIVESTREAM, NOTE, POST

}
