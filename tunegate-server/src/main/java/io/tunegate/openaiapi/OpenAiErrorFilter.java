package io.tunegate.openaiapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Makes every error under {@code /openai/v1} OpenAI-shaped, wherever it comes from: the API key filter, the
 * request size limit, Spring's own 404/405/415, malformed JSON, and refusals of the job and dataset modules
 * all answer problem+json, which is caught here and rewritten (status kept). Only a problem body is held in
 * memory; anything else (a file's content) streams through untouched.
 */
class OpenAiErrorFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    OpenAiErrorFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemCatcher catcher = new ProblemCatcher(response);
        chain.doFilter(request, catcher);
        catcher.rewrite();
    }

    private final class ProblemCatcher extends HttpServletResponseWrapper {

        private final HttpServletResponse response;
        private final ByteArrayOutputStream problem = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean caught;
        private String sentError;
        private boolean errorSent;

        ProblemCatcher(HttpServletResponse response) {
            super(response);
            this.response = response;
        }

        private boolean isProblem() {
            String type = getContentType();
            return type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }

        @Override
        public void sendError(int status, String message) {
            // answered below in OpenAI's shape instead of the container's error page
            setStatus(status);
            errorSent = true;
            sentError = message;
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void setContentLength(int length) {
            if (!isProblem()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!isProblem()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && isProblem())) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && isProblem())) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!isProblem()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Switch();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        /** Writes the OpenAI error if a problem (or a bare error status) was answered. */
        void rewrite() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            OpenAiError error;
            if (caught) {
                error = OpenAiErrors.fromProblem(getStatus(), parse(problem.toByteArray()));
            } else if (errorSent && !response.isCommitted()) {
                error = OpenAiErrors.generic(getStatus(), sentError);
            } else {
                return;
            }
            int status = getStatus();
            response.resetBuffer();
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            if (!OpenAiErrors.retryable(status, error.error().code())) {
                response.setHeader(OpenAiErrors.SHOULD_RETRY, "false");
            }
            byte[] body = json.writeValueAsBytes(error);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }

        private JsonNode parse(byte[] body) {
            try {
                return json.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
        }

        /** Decides on the first byte: a problem body is kept for {@link #rewrite()}, anything else streams. */
        private final class Switch extends ServletOutputStream {

            private ServletOutputStream target() throws IOException {
                if (isProblem()) {
                    caught = true;
                    return null;
                }
                return response.getOutputStream();
            }

            @Override
            public void write(int b) throws IOException {
                ServletOutputStream target = target();
                if (target == null) {
                    problem.write(b);
                } else {
                    target.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ServletOutputStream target = target();
                if (target == null) {
                    problem.write(b, off, len);
                } else {
                    target.write(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                if (!isProblem()) {
                    response.getOutputStream().flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (!isProblem()) {
                    response.getOutputStream().close();
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("no async writes under /openai/v1");
            }
        }
    }
}
