import java.util.Set;
import javax.annotation.processing.*;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
// An annotation processor: code that javac runs at compile time if it finds it on the class path.
@SupportedAnnotationTypes("*")
public class EvilProcessor extends AbstractProcessor {
    static { System.err.println("EVIL PROCESSOR RAN"); }
    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) { return false; }
}
