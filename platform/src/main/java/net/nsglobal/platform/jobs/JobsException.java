package net.nsglobal.platform.jobs;

/** The job store could not be read or written (the database is unreachable, or a job is misconfigured). */
public final class JobsException extends Exception {
    public JobsException(String message, Throwable cause) {
        super(message, cause);
    }
}
