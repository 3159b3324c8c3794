package io.tunegate.job.domain;

import io.tunegate.job.JobStatus;
import io.tunegate.provider.Hyperparameters;
import jakarta.persistence.AttributeConverter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** jsonb columns of the jobs table, written in the API's snake_case so they read the same in SQL. */
public final class JsonConverters {

    /** The mapper for the jobs table's jsonb columns; the read side uses it too. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private JsonConverters() {
    }

    public abstract static class Json<T> implements AttributeConverter<T, String> {
        private final TypeReference<T> type;

        Json(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            return value == null ? null : JSON.writeValueAsString(value);
        }

        @Override
        public T convertToEntityAttribute(String column) {
            return column == null ? null : JSON.readValue(column, type);
        }
    }

    public static final class HyperparametersJson extends Json<Hyperparameters> {
        public HyperparametersJson() {
            super(new TypeReference<>() { });
        }
    }

    public static final class ObjectMapJson extends Json<Map<String, Object>> {
        public ObjectMapJson() {
            super(new TypeReference<>() { });
        }
    }

    public static final class StringMapJson extends Json<Map<String, String>> {
        public StringMapJson() {
            super(new TypeReference<>() { });
        }
    }

    public static final class StringListJson extends Json<List<String>> {
        public StringListJson() {
            super(new TypeReference<>() { });
        }
    }

    public static final class StatusColumn implements AttributeConverter<JobStatus, String> {
        @Override
        public String convertToDatabaseColumn(JobStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public JobStatus convertToEntityAttribute(String column) {
            return column == null ? null : JobStatus.fromWire(column);
        }
    }
}
