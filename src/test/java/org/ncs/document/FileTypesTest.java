package org.ncs.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncs.testing.SampleFiles;

class FileTypesTest {

  @TempDir
  Path dir;

  @Test
  void eachKeptKindIsRecognisedFromItsContentAlone() throws IOException {
    Map<String, byte[]> samples = new LinkedHashMap<>();
    samples.put(FileTypes.PDF, SampleFiles.pdf());
    samples.put(FileTypes.DOCX, SampleFiles.docx());
    samples.put(FileTypes.XLSX, SampleFiles.xlsx());
    samples.put(FileTypes.PPTX, SampleFiles.pptx());
    samples.put(FileTypes.ODT, SampleFiles.odt());
    samples.put(FileTypes.ODS, SampleFiles.ods());
    samples.put(FileTypes.PNG, SampleFiles.png());
    samples.put(FileTypes.JPEG, SampleFiles.jpeg());
    for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
      // a misleading name on disk: the content decides
      Path file = Files.write(dir.resolve("upload-" + sample.getValue().length + ".txt"), sample.getValue());
      assertThat(FileTypes.detect(file)).as(sample.getKey()).isEqualTo(sample.getKey());
    }
  }

  @Test
  void archivesExecutablesAndScriptsAreNoneOfTheKeptKinds() throws IOException {
    for (byte[] content : new byte[][] {SampleFiles.zip(), SampleFiles.executable(), SampleFiles.script()}) {
      Path file = Files.write(Files.createTempFile(dir, "upload", ".pdf"), content);
      assertThat(FileTypes.ACCEPTED).doesNotContainKey(FileTypes.detect(file));
    }
  }
}
