{{/* Labels and the environment every service shares. */}}
{{- define "contact-import.labels" -}}
app.kubernetes.io/part-of: contact-import
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "contact-import.url" -}}
http://{{ .Release.Name }}-{{ .service }}:80
{{- end }}

{{- define "contact-import.env" -}}
- name: QUARKUS_HTTP_PORT
  value: "8080"
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: DB_HOST
  value: {{ .Values.postgres.host | quote }}
- name: DB_PORT
  value: {{ .Values.postgres.port | quote }}
- name: DB_NAME
  value: {{ .Values.postgres.database | quote }}
- name: DB_USER
  valueFrom: { secretKeyRef: { name: {{ .Values.postgres.existingSecret }}, key: username } }
- name: DB_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ .Values.postgres.existingSecret }}, key: password } }
- name: S3_ENDPOINT
  value: {{ .Values.s3.endpoint | quote }}
- name: S3_BUCKET
  value: {{ .Values.s3.bucket | quote }}
- name: S3_REGION
  value: {{ .Values.s3.region | quote }}
- name: S3_ACCESS_KEY
  valueFrom: { secretKeyRef: { name: {{ .Values.s3.existingSecret }}, key: access-key } }
- name: S3_SECRET_KEY
  valueFrom: { secretKeyRef: { name: {{ .Values.s3.existingSecret }}, key: secret-key } }
{{- $credential := .Values.internalApi.existingSecret | default (printf "%s-internal-api" .Release.Name) }}
- name: INTERNAL_API_TOKEN
  valueFrom: { secretKeyRef: { name: {{ $credential }}, key: token } }
- name: PROPERTY_SERVICE_URL
  value: http://{{ .Release.Name }}-property-service:80
- name: STATUS_PROJECTOR_URL
  value: http://{{ .Release.Name }}-status-projector:80
- name: ROW_PROCESSOR_URL
  value: http://{{ .Release.Name }}-row-processor:80
- name: LOG_JSON
  value: {{ .Values.logs.json | quote }}
- name: CONTACT_CHANGES_ENABLED
  value: {{ .Values.events.contactChanges | quote }}
- name: EVENT_SCHEMAS_URL
  {{- $gatewaySchemas := printf "http://%s-api-gateway:80/events/schemas" .Release.Name }}
  value: {{ .Values.events.schemasUrl | default $gatewaySchemas | quote }}
{{- with .Values.tracing.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ $.Values.tracing.protocol | quote }}
{{- end }}
{{- end }}

{{/*
The Kubernetes "restricted" Pod Security Standard: not root, no privilege escalation, no capabilities, the runtime's
seccomp profile, a read-only root filesystem (/tmp on an emptyDir). Every pod of the chart.
*/}}
{{- define "contact-import.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1001
runAsGroup: 1001
fsGroup: 1001
seccompProfile: { type: RuntimeDefault }
{{- end }}

{{- define "contact-import.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }
{{- end }}

{{- define "contact-import.pullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end }}
