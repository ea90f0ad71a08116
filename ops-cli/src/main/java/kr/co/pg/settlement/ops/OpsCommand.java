package kr.co.pg.settlement.ops;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command of {@code settlement} has: its picocli spec (output, argument errors) and the connections. */
@Command(mixinStandardHelpOptions = true, usageHelpWidth = 110, abbreviateSynopsis = true)
public abstract class OpsCommand implements Callable<Integer> {

    /** The tables, the kick-offs and the operators keep Korean wall-clock time. */
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected Connections connections;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
