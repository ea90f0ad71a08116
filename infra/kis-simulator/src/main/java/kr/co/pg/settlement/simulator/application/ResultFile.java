package kr.co.pg.settlement.simulator.application;

import java.nio.file.Path;

/** A result file to serve: where it is, its size and the hash announced with it. */
public record ResultFile(Path path, long size, String sha256) {
}
